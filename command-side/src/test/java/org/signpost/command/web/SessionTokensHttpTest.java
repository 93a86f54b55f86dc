package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.TestTokens;

/** POST /api/session-tokens: a password exchanged for a short-lived bearer token, which then acts as its user. */
class SessionTokensHttpTest extends CommandSideHttpTest {

    private Response issue(String user) {
        return api.as(user).post("/api/session-tokens", Map.of());
    }

    private Response postReferral(String token) {
        return api.anonymous().header("Authorization", "Bearer " + token).post("/api/referrals", referralForm());
    }

    @Test
    void aPasswordGivesATokenThatActsAsTheSameUserAsThePasswordDoes() {
        Response issued = issue("coordinator");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        assertThat(issued.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(issued.json().path("user").path("name").asText()).isEqualTo("coordinator");
        assertThat(issued.json().path("user").path("role").asText()).isEqualTo("COORDINATOR");
        Instant expires = Instant.parse(issued.text("expiresAt"));
        assertThat(expires).isBetween(Instant.now().plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));

        Response created = postReferral(issued.text("token"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // Recorded as the users file's own user, not as an identity provider's ("idp:coordinator").
        String actor = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""", String.class, created.text("referralId"));
        assertThat(actor).isEqualTo("coordinator");
    }

    @Test
    void aTokenCarriesItsUsersRoleAndLinkWorkerId() {
        Response issued = issue("linkworker");
        assertThat(issued.json().path("user").path("linkWorkerId").asText()).isEqualTo("lw-1");
        assertThat(postReferral(issued.text("token")).status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        // From an address of its own (this test is a trusted proxy): the failure slows that address and a name
        // nobody else uses, not the other tests' sign-ins.
        Response refused = api.as("no-such-user", "not-the-password").header("X-Forwarded-For", "198.51.100.31")
                .post("/api/session-tokens", Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("token\"");
        assertThat(api.anonymous().post("/api/session-tokens", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aTokenRenewsItselfWithinTheSameSession() {
        Response first = issue("manager");
        Response renewed = api.anonymous().header("Authorization", "Bearer " + first.text("token"))
                .post("/api/session-tokens", Map.of());
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        assertThat(renewed.text("sessionEndsAt")).isEqualTo(first.text("sessionEndsAt"));
        assertThat(renewed.json().path("user").path("name").asText()).isEqualTo("manager");
    }

    @Test
    void aTokenChangedOrSignedWithAnotherKeyIsRefused() {
        String token = issue("coordinator").text("token");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String promoted = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("COORDINATOR", "MANAGER").getBytes());
        Response forged = api.anonymous().header("Authorization", "Bearer " + parts[0] + "." + promoted + "." + parts[2])
                .post("/api/participants/" + UUID.randomUUID() + "/extension", Map.of("weeks", 2, "reason", "x"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(postReferral(parts[0] + "." + parts[1] + ".AAAA").status()).isEqualTo(401);
    }

    @Test
    void anIdentityProvidersUserIsNotGivenASessionToken() {
        Response refused = api.anonymous().header("Authorization", "Bearer "
                + TestTokens.token("cara", "COORDINATOR", null)).post("/api/session-tokens", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }
}
