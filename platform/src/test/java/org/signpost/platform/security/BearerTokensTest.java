package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.TestTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Bearer tokens checked against a public key file (SIGNPOST_JWT_PUBLIC_KEY), for installations
 * that may make no outbound call. The JWK set way is what every HTTP test of the service uses.
 */
class BearerTokensTest {

    private final BearerTokens config = new BearerTokens(TestTokens.ISSUER, TestTokens.AUDIENCE, null,
            TestTokens.publicKeyFile().toString(), Duration.ofHours(1));

    private static JWTClaimsSet.Builder claims(String name, String role, String linkWorkerId) {
        return TestTokens.claims(name, role, linkWorkerId, TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().plusSeconds(1800));
    }

    private SignpostUser user(JWTClaimsSet.Builder claims) throws Exception {
        Jwt jwt = config.decoder().decode(TestTokens.sign(claims));
        return (SignpostUser) BearerTokens.authentication(jwt).getPrincipal();
    }

    @Test
    void aTokenSignedWithTheKeyIsAcceptedAndItsUserTakenApartFromTheUsersFilesNames() throws Exception {
        JwtDecoder decoder = config.decoder();
        Jwt jwt = decoder.decode(TestTokens.token("lee", "LINK_WORKER", "lw-9"));
        SignpostUser user = (SignpostUser) BearerTokens.authentication(jwt).getPrincipal();
        assertThat(user.username()).isEqualTo("idp:lee");
        assertThat(user.role()).isEqualTo(Role.LINK_WORKER);
        assertThat(user.linkWorkerId()).isEqualTo("lw-9");
    }

    @Test
    void aTokenOfAnotherKeyIssuerOrAudienceOrAnExpiredOneIsRefused() throws Exception {
        JwtDecoder decoder = config.decoder();
        Instant later = Instant.now().plusSeconds(600);
        for (String token : new String[] {
                TestTokens.signWithAnotherKey(TestTokens.claims("a", "ANALYST", null, TestTokens.ISSUER,
                        TestTokens.AUDIENCE, later)),
                TestTokens.sign(TestTokens.claims("a", "ANALYST", null, "https://other", TestTokens.AUDIENCE, later)),
                TestTokens.sign(TestTokens.claims("a", "ANALYST", null, TestTokens.ISSUER, "other", later)),
                TestTokens.sign(TestTokens.claims("a", "ANALYST", null, TestTokens.ISSUER, TestTokens.AUDIENCE,
                        Instant.now().minusSeconds(600)))}) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() throws Exception {
        String token = TestTokens.sign(claims("a", "ANALYST", null).expirationTime(null));
        assertThatThrownBy(() -> config.decoder().decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void aTokenValidForLongerThanTheMaximumIsRefused() throws Exception {
        JwtDecoder decoder = config.decoder();
        Instant now = Instant.now();
        for (JWTClaimsSet.Builder tooLong : new JWTClaimsSet.Builder[] {
                claims("a", "ANALYST", null).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(3650)))),
                claims("a", "ANALYST", null).issueTime(Date.from(now.minusSeconds(60)))
                        .expirationTime(Date.from(now.plusSeconds(3600))),
                claims("a", "ANALYST", null).issueTime(null).expirationTime(Date.from(now.plus(Duration.ofHours(2)))),
                // An issue time in the future does not stretch the expiry.
                claims("a", "ANALYST", null).issueTime(Date.from(now.plus(Duration.ofHours(5))))
                        .expirationTime(Date.from(now.plus(Duration.ofHours(5).plusMinutes(30))))}) {
            assertThatThrownBy(() -> decoder.decode(TestTokens.sign(tooLong))).isInstanceOf(JwtException.class)
                    .hasMessageContaining("valid for longer than PT1H");
        }
        assertThat(decoder.decode(TestTokens.sign(claims("a", "ANALYST", null).issueTime(null)
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(59))))))).isNotNull();
        assertThat(decoder.decode(TestTokens.sign(claims("a", "ANALYST", null).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(60))))))).isNotNull();
    }

    @Test
    void theMaximumLifetimeIsConfigured() throws Exception {
        JwtDecoder decoder = new BearerTokens(TestTokens.ISSUER, TestTokens.AUDIENCE, null,
                TestTokens.publicKeyFile().toString(), Duration.ofMinutes(10)).decoder();
        String halfAnHour = TestTokens.token("a", "ANALYST", null);
        assertThatThrownBy(() -> decoder.decode(halfAnHour)).hasMessageContaining("valid for longer than PT10M");
    }

    @Test
    void theNameIsThePreferredUsernameElseTheSubject() throws Exception {
        assertThat(user(claims("cara", "COORDINATOR", null)).username()).isEqualTo("idp:cara");
        assertThat(user(claims("cara", "COORDINATOR", null).claim("preferred_username", null)).username())
                .isEqualTo("idp:sub-cara");
        assertThat(user(claims("cara", "COORDINATOR", null).claim("preferred_username", "")).username())
                .isEqualTo("idp:sub-cara");
    }

    @Test
    void aTokenWithoutAName() {
        for (JWTClaimsSet.Builder nameless : new JWTClaimsSet.Builder[] {
                claims("cara", "COORDINATOR", null).claim("preferred_username", null).subject(null),
                claims("cara", "COORDINATOR", null).claim("preferred_username", "").subject(""),
                claims("cara", "COORDINATOR", null).claim("preferred_username", " ").subject(" "),
                claims("cara", "COORDINATOR", null).claim("preferred_username", 42).subject(null)}) {
            assertThatThrownBy(() -> user(nameless)).isInstanceOf(InvalidBearerTokenException.class)
                    .hasMessageContaining("is empty");
        }
    }

    @Test
    void aNameThatCouldForgeALogLineOrReorderTextOrIsTooLongIsRefused() {
        for (String name : new String[] {"cara\r\nINFO forged", "cara\n", "cara\u0000", "\u202Earac", "ca\u2066ra",
                "cara\u2028", "x".repeat(UserNames.MAX_LENGTH + 1), " cara"}) {
            assertThatThrownBy(() -> user(claims(name, "COORDINATOR", null))).as(name)
                    .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("user name");
        }
        assertThatThrownBy(() -> user(claims("lee", "LINK_WORKER", "lw-1\r\nforged")))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("linkWorkerId");
    }

    @Test
    void anIncompleteConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new BearerTokens(TestTokens.ISSUER, null, null, null, Duration.ofHours(1)).decoder())
                .hasMessageContaining("SIGNPOST_JWT_AUDIENCE");
        assertThatThrownBy(() -> new BearerTokens(TestTokens.ISSUER, TestTokens.AUDIENCE, null, null,
                Duration.ofHours(1)).decoder())
                .hasMessageContaining("SIGNPOST_JWT_JWK_SET_URI");
        assertThatThrownBy(() -> new BearerTokens(TestTokens.ISSUER, TestTokens.AUDIENCE, null,
                TestTokens.publicKeyFile().toString(), Duration.ZERO).decoder())
                .hasMessageContaining("SIGNPOST_JWT_MAX_LIFETIME");
    }
}
