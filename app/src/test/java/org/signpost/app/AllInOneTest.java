package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.signpost.app.console.TestIdentityProvider;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.RealServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on one port, as `./signpost start` runs it, on a real PostgreSQL. All
 * subclasses share one context, database and server.
 */
@SpringBootTest(classes = SignpostApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "signpost.allowed-origins=" + AllInOneTest.PUBLIC_ORIGIN)
abstract class AllInOneTest extends RealServiceTest {

    /** The service's address as a proxy in front of it would publish it (CrossSiteRequestHttpTest). */
    static final String PUBLIC_ORIGIN = "https://signpost.example.org";

    @Autowired
    JdbcTemplate jdbc;

    /** "Sign in with your organisation" against a test identity provider (ConsoleOrganisationSignInHttpTest). */
    @DynamicPropertySource
    static void organisationSignIn(DynamicPropertyRegistry registry) {
        registry.add("signpost.oidc.issuer", () -> TestIdentityProvider.get().issuer());
        registry.add("signpost.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
    }

    Api api() {
        return new Api(port);
    }

    /** Until every projection has applied every stored event and none is being rebuilt. */
    static void awaitProjections(Api api) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    for (var projection : api.as("analyst").get("/api/projections").json()) {
                        if (projection.path("position").asLong() < projection.path("headPosition").asLong()
                                || !projection.path("status").asText().equals("RUNNING")) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /**
     * A young person referred 20 days ago, accepted, and assigned to link worker lw-1 18 days ago
     * (their referral carries a phone, a postcode, a referrer and notes: personal data to look
     * for); answered once the link worker can read them and their referral's history.
     */
    static Map<String, String> enrolledOfLinkWorkerOne(Api api, String firstName, String lastName) {
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", firstName);
        youngPerson.put("lastName", lastName);
        youngPerson.put("dateOfBirth", LocalDate.now().minusYears(15).toString());
        youngPerson.put("phone", "07700 900321");
        youngPerson.put("postcode", "AN1 5LY");
        Response received = api.as("coordinator").post("/api/referrals", Map.of("source", "GP", "channel", "EMAIL",
                "receivedOn", LocalDate.now().minusDays(20).toString(), "youngPerson", youngPerson,
                "referrer", Map.of("name", "Referrer Rosalind", "organisation", "Surgery"),
                "reasons", List.of("LONELINESS"), "needs", List.of("LONELINESS"), "consentGivenBy", "YOUNG_PERSON",
                "notes", "Analyst-notes-77"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", LocalDate.now().minusDays(19).toString())).status())
                .isEqualTo(200);
        Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", LocalDate.now().minusDays(18).toString()));
        assertThat(assigned.status()).isEqualTo(200);
        String participantId = assigned.text("participantId");
        // The caseload and the audit trail apply the events each on its own: wait for both to have
        // the participant (its history is the audit trail's last event of the three commands).
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                api.as("linkworker").get("/api/participants/" + participantId).status() == 200
                        && api.as("linkworker").get("/api/referrals/" + referralId + "/history").status() == 200
                        && api.as("linkworker").get("/api/participants/" + participantId + "/history").status() == 200);
        return Map.of("referralId", referralId, "participantId", participantId);
    }
}
