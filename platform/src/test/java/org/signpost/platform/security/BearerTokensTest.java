package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.TestTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens checked against a public key file (SIGNPOST_JWT_PUBLIC_KEY), for installations
 * that may make no outbound call. The JWK set way is what every HTTP test of the service uses.
 */
class BearerTokensTest {

    private final BearerTokens config = new BearerTokens(TestTokens.ISSUER, TestTokens.AUDIENCE, null,
            TestTokens.publicKeyFile().toString());

    @Test
    void aTokenSignedWithTheKeyIsAcceptedAndItsUserTaken() throws Exception {
        JwtDecoder decoder = config.decoder();
        Jwt jwt = decoder.decode(TestTokens.token("lee", "LINK_WORKER", "lw-9"));
        SignpostUser user = (SignpostUser) BearerTokens.authentication(jwt).getPrincipal();
        assertThat(user.username()).isEqualTo("lee");
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
    void anIncompleteConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new BearerTokens(TestTokens.ISSUER, null, null, null).decoder())
                .hasMessageContaining("SIGNPOST_JWT_AUDIENCE");
        assertThatThrownBy(() -> new BearerTokens(TestTokens.ISSUER, TestTokens.AUDIENCE, null, null).decoder())
                .hasMessageContaining("SIGNPOST_JWT_JWK_SET_URI");
    }
}
