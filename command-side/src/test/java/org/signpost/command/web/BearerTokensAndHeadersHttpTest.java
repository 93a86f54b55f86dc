package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.SecurityHeaders;
import org.signpost.platform.testing.TestTokens;

/**
 * Production sign-in with bearer JWTs (signed here by a test identity provider whose public key
 * the service is configured with), and what every answer carries whoever asks.
 */
class BearerTokensAndHeadersHttpTest extends CommandSideHttpTest {

    private Response postReferral(String token) {
        return api.anonymous().header("Authorization", "Bearer " + token).post("/api/referrals", referralForm());
    }

    @Test
    void aValidTokenActsAndItsUserIsRecordedApartFromTheUsersFilesOwnUsers() {
        // "coordinator" is also a users-file name: the token's user is recorded as someone else.
        Response created = postReferral(TestTokens.token("coordinator", "COORDINATOR", null));
        assertThat(created.status()).isEqualTo(201);
        String referralId = created.json().path("referralId").asText();
        Map<String, Object> recorded = jdbc.queryForMap("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'role' AS role
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", referralId);
        assertThat(recorded).containsEntry("actor", "idp:coordinator").containsEntry("role", "COORDINATOR");
    }

    @Test
    void aTokensRoleIsEnforcedLikeAPasswordUsersOne() {
        assertThat(postReferral(TestTokens.token("ana.jwt", "ANALYST", null)).status()).isEqualTo(403);
    }

    private static String signed(JWTClaimsSet.Builder claims) {
        return TestTokens.sign(claims);
    }

    private static JWTClaimsSet.Builder valid(String name) {
        return TestTokens.claims(name, "COORDINATOR", null, TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().plusSeconds(1800));
    }

    static Stream<Arguments> badTokens() {
        Instant inHalfAnHour = Instant.now().plusSeconds(1800);
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("no expiry", signed(valid("cara").expirationTime(null))),
                Arguments.of("valid for ten years", signed(valid("cara").issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofDays(3650)))))),
                Arguments.of("valid for two hours, no issue time", signed(valid("cara").issueTime(null)
                        .expirationTime(Date.from(now.plus(Duration.ofHours(2)))))),
                Arguments.of("no name", signed(valid("cara").claim("preferred_username", null).subject(null))),
                Arguments.of("empty names", signed(valid("cara").claim("preferred_username", "").subject(""))),
                Arguments.of("a line break in the name", signed(valid("cara\r\nINFO forged"))),
                Arguments.of("a text-direction override in the name", signed(valid("\u202Eotidua"))),
                Arguments.of("an over-long name", signed(valid("c".repeat(300)))),
                Arguments.of("wrong issuer", TestTokens.sign(TestTokens.claims("cara", "COORDINATOR", null,
                        "https://elsewhere.example", TestTokens.AUDIENCE, inHalfAnHour))),
                Arguments.of("wrong audience", TestTokens.sign(TestTokens.claims("cara", "COORDINATOR", null,
                        TestTokens.ISSUER, "another-api", inHalfAnHour))),
                Arguments.of("expired", TestTokens.sign(TestTokens.claims("cara", "COORDINATOR", null,
                        TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().minusSeconds(600)))),
                Arguments.of("signed by another key", TestTokens.signWithAnotherKey(TestTokens.claims("cara",
                        "COORDINATOR", null, TestTokens.ISSUER, TestTokens.AUDIENCE, inHalfAnHour))),
                Arguments.of("no role", TestTokens.sign(TestTokens.claims("cara", null, null,
                        TestTokens.ISSUER, TestTokens.AUDIENCE, inHalfAnHour))),
                Arguments.of("unknown role", TestTokens.sign(TestTokens.claims("cara", "ADMIN", null,
                        TestTokens.ISSUER, TestTokens.AUDIENCE, inHalfAnHour))),
                Arguments.of("link worker without id", TestTokens.sign(TestTokens.claims("lee", "LINK_WORKER", null,
                        TestTokens.ISSUER, TestTokens.AUDIENCE, inHalfAnHour))),
                Arguments.of("unsigned (alg none)", unsigned()),
                Arguments.of("not a token", "hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenSignsNobodyInAndStoresNothing(String why, String token) {
        long before = eventCount();
        Response refused = postReferral(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static String unsigned() {
        String valid = TestTokens.token("cara", "COORDINATOR", null);
        String[] parts = valid.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes());
        return header + "." + parts[1] + ".";
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Response response : new Response[] {postReferral(TestTokens.token("cara", "COORDINATOR", null)),
                api.anonymous().get("/api/referrals/" + UUID.randomUUID()),
                api.as("coordinator").post("/api/referrals", Map.of())}) {
            SecurityHeaders.assertPresent(response);
        }
    }

    @Test
    void errorsTellNoStackTraceNorException() {
        Response[] errors = {
                api.as("coordinator").get("/api/no-such-thing"),
                api.as("coordinator").postRaw("/api/referrals", "application/json", "{\"source\": ".getBytes()),
                api.as("coordinator").postRaw("/api/referrals", "text/plain", "hello".getBytes()),
                api.as("manager").post("/api/participants/not-a-uuid/extension", Map.of("weeks", 2)),
                api.as("coordinator").post("/api/referrals", Map.of("source", new int[] {1, 2}))};
        for (Response error : errors) {
            assertThat(error.status()).isBetween(400, 499);
            assertThat(error.body()).doesNotContain("Exception", "at org.", "at java.", "trace", "springframework",
                    "jackson");
        }
    }
}
