package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.platform.testing.Api;

/**
 * Every kind of bad input on every command endpoint: a problem+json 4xx naming the field, and
 * not one event stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputHttpTest extends CommandSideHttpTest {

    /** Ids of the records the cases act on, made once for the class. */
    record Fixture(String receivedReferral, String triagedReferral, String participant, String dischargedParticipant,
                   String signpost) {
    }

    /** One bad request: who sends it, where, what, and the expected status and field. */
    record Case(String name, String user, Function<Fixture, String> path, Object body, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Fixture fixture;

    @BeforeAll
    void records() {
        connect();
        String received = receiveReferral();
        String triaged = receiveReferral();
        api.as("coordinator").post("/api/referrals/" + triaged + "/triage",
                Map.of("outcome", "DECLINED", "triagedOn", day(59)));
        String participant = enrolledParticipant();
        String signpost = api.as("linkworker").post("/api/participants/" + participant + "/signposts",
                Map.of("organisation", "Scouts", "activity", "Camping", "category", "SOCIAL",
                        "signpostedOn", day(10))).text("signpostId");
        String discharged = enrolledParticipant();
        api.as("manager").post("/api/participants/" + discharged + "/discharge",
                Map.of("reason", "DISENGAGED", "dischargedOn", day(5)));
        fixture = new Fixture(received, triaged, participant, discharged, signpost);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedWithAProblemAndStoresNothing(Case c) {
        long before = eventCount();
        Api.Call call = c.user() == null ? api.anonymous() : api.as(c.user());
        Api.Response response = call.post(c.path().apply(fixture), c.body());

        assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).startsWith("urn:signpost:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (c.field() != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.toString()).contains(c.field());
        }
        assertThat(eventCount()).as("events stored by a refused command").isEqualTo(before);
    }

    Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Function<Fixture, String> referrals = f -> "/api/referrals";
        Map<String, Object> form = referralForm();
        @SuppressWarnings("unchecked")
        Map<String, Object> youngPerson = (Map<String, Object>) form.get("youngPerson");

        // POST /api/referrals
        cases.add(bad("referral: malformed JSON", referrals, "{\"source\": ", "body"));
        cases.add(bad("referral: empty body", referrals, "", "body"));
        cases.add(bad("referral: array body", referrals, "[]", "body"));
        cases.add(bad("referral: trailing garbage", referrals, Api.write(form) + " x", "body"));
        for (String required : List.of("source", "channel", "receivedOn", "youngPerson", "reasons", "needs",
                "consentGivenBy")) {
            cases.add(bad("referral: missing " + required, referrals, with(form, required, null), required));
        }
        cases.add(bad("referral: unknown source", referrals, with(form, "source", "DENTIST"), "source"));
        cases.add(bad("referral: source as number", referrals, with(form, "source", 3), "source"));
        cases.add(bad("referral: unknown channel", referrals, with(form, "channel", "FAX"), "channel"));
        cases.add(bad("referral: date in another format", referrals, with(form, "receivedOn", "01/02/2024"), "receivedOn"));
        cases.add(bad("referral: impossible date", referrals, with(form, "receivedOn", "2024-02-30"), "receivedOn"));
        cases.add(bad("referral: received in the future", referrals, with(form, "receivedOn", TODAY.plusDays(1).toString()),
                "receivedOn"));
        cases.add(bad("referral: empty reasons", referrals, with(form, "reasons", List.of()), "reasons"));
        cases.add(bad("referral: unknown reason", referrals, with(form, "reasons", List.of("BOREDOM")), "reasons[0]"));
        cases.add(bad("referral: reasons not an array", referrals, with(form, "reasons", "ANXIETY"), "reasons"));
        cases.add(bad("referral: null reason", referrals, with(form, "reasons", nullList()), "reasons[0]"));
        cases.add(bad("referral: unknown need", referrals, with(form, "needs", List.of("SLEEP")), "needs[0]"));
        cases.add(bad("referral: unknown consent", referrals, with(form, "consentGivenBy", "TEACHER"), "consentGivenBy"));
        cases.add(bad("referral: unknown field", referrals, with(form, "hobby", "chess"), "hobby"));
        cases.add(bad("referral: oversized notes", referrals, with(form, "notes", "x".repeat(4001)), "notes"));
        cases.add(new Case("referral: a body of 2 MB", "coordinator", referrals, with(form, "notes", "x".repeat(2_000_000)),
                413, null));
        cases.add(bad("referral: referralId not a UUID", referrals, with(form, "referralId", "R-1"), "referralId"));
        cases.add(bad("referral: a blank referralId", referrals, with(form, "referralId", ""), "referralId"));
        cases.add(bad("referral: blank first name", referrals,
                with(form, "youngPerson", with(youngPerson, "firstName", " ")), "youngPerson.firstName"));
        cases.add(bad("referral: missing date of birth", referrals,
                with(form, "youngPerson", with(youngPerson, "dateOfBirth", null)), "youngPerson.dateOfBirth"));
        cases.add(bad("referral: born after receipt", referrals,
                with(form, "youngPerson", with(youngPerson, "dateOfBirth", day(1))), "youngPerson.dateOfBirth"));
        cases.add(bad("referral: born in year 1", referrals,
                with(form, "youngPerson", with(youngPerson, "dateOfBirth", "0001-01-01")), "youngPerson.dateOfBirth"));
        cases.add(bad("referral: an NHS number whose check digit is wrong", referrals,
                with(form, "youngPerson", with(youngPerson, "nhsNumber", "943 476 5918")), "youngPerson.nhsNumber"));
        cases.add(bad("referral: an NHS number of no check digit (10)", referrals,
                with(form, "youngPerson", with(youngPerson, "nhsNumber", "1234567890")), "youngPerson.nhsNumber"));
        cases.add(bad("referral: not a postcode", referrals,
                with(form, "youngPerson", with(youngPerson, "postcode", "12345")), "youngPerson.postcode"));
        cases.add(bad("referral: unknown young person field", referrals,
                with(form, "youngPerson", with(youngPerson, "shoeSize", 5)), "youngPerson.shoeSize"));
        cases.add(bad("referral: bad referrer email", referrals,
                with(form, "referrer", Map.of("email", "not-an-email")), "referrer.email"));

        // POST /api/referrals/{id}/triage
        Function<Fixture, String> triage = f -> "/api/referrals/" + f.receivedReferral() + "/triage";
        Map<String, Object> accept = Map.of("outcome", "ACCEPTED", "triagedOn", day(50));
        cases.add(bad("triage: missing outcome", triage, with(accept, "outcome", null), "outcome"));
        cases.add(bad("triage: unknown outcome", triage, with(accept, "outcome", "MAYBE"), "outcome"));
        cases.add(bad("triage: missing date", triage, with(accept, "triagedOn", null), "triagedOn"));
        cases.add(bad("triage: in the future", triage, with(accept, "triagedOn", TODAY.plusDays(3).toString()), "triagedOn"));
        cases.add(bad("triage: redirected nowhere", triage, with(accept, "outcome", "REDIRECTED"), "redirectedTo"));
        cases.add(refused("triage: before the referral was received", triage, with(accept, "triagedOn", day(61)), "triagedOn"));
        cases.add(refused("triage: a second triage", f -> "/api/referrals/" + f.triagedReferral() + "/triage", accept, null));
        cases.add(notFound("triage: unknown referral", f -> "/api/referrals/" + randomId() + "/triage", accept));
        cases.add(notFound("triage: id not a UUID", f -> "/api/referrals/not-a-uuid/triage", accept));
        cases.add(notFound("triage: a participant's id", f -> "/api/referrals/" + f.participant() + "/triage", accept));

        // POST /api/referrals/{id}/assignment
        Function<Fixture, String> assignment = f -> "/api/referrals/" + f.receivedReferral() + "/assignment";
        cases.add(bad("assignment: missing link worker", assignment, Map.of(), "linkWorkerId"));
        cases.add(bad("assignment: odd link worker id", assignment, Map.of("linkWorkerId", "lw 1; drop"), "linkWorkerId"));
        cases.add(refused("assignment: not accepted", assignment, Map.of("linkWorkerId", "lw-1"), null));
        cases.add(refused("assignment: declined referral", f -> "/api/referrals/" + f.triagedReferral() + "/assignment",
                Map.of("linkWorkerId", "lw-1"), null));
        cases.add(notFound("assignment: unknown referral", f -> "/api/referrals/" + randomId() + "/assignment",
                Map.of("linkWorkerId", "lw-1")));

        // POST /api/referrals/{id}/withdrawal
        Function<Fixture, String> withdrawal = f -> "/api/referrals/" + f.receivedReferral() + "/withdrawal";
        cases.add(bad("withdrawal: missing reason", withdrawal, Map.of("withdrawnOn", day(1)), "reason"));
        cases.add(bad("withdrawal: in the future", withdrawal,
                Map.of("reason", "Moved", "withdrawnOn", TODAY.plusDays(1).toString()), "withdrawnOn"));
        cases.add(refused("withdrawal: after triage", f -> "/api/referrals/" + f.triagedReferral() + "/withdrawal",
                Map.of("reason", "Moved"), null));

        // POST /api/participants/{id}/sessions
        Function<Fixture, String> sessions = f -> "/api/participants/" + f.participant() + "/sessions";
        Map<String, Object> session = sessionForm(5);
        cases.add(bad("session: zero minutes", sessions, with(session, "durationMinutes", 0), "durationMinutes"));
        cases.add(bad("session: 241 minutes", sessions, with(session, "durationMinutes", 241), "durationMinutes"));
        cases.add(bad("session: minutes as text", sessions, with(session, "durationMinutes", "forty"), "durationMinutes"));
        cases.add(bad("session: fractional minutes", sessions, with(session, "durationMinutes", 40.5), "durationMinutes"));
        cases.add(bad("session: huge minutes", sessions, with(session, "durationMinutes", 99999999999L), "durationMinutes"));
        cases.add(bad("session: missing minutes", sessions, with(session, "durationMinutes", null), "durationMinutes"));
        cases.add(bad("session: unknown location", sessions, with(session, "location", "MOON"), "location"));
        cases.add(bad("session: missing accompaniedBy", sessions, with(session, "accompaniedBy", null), "accompaniedBy"));
        cases.add(bad("session: negative walk", sessions, with(session, "walkMinutesFromHome", -1), "walkMinutesFromHome"));
        cases.add(bad("session: unknown technique", sessions, with(session, "techniques", List.of("CBT")), "techniques[0]"));
        cases.add(bad("session: a blank sessionId", sessions, with(session, "sessionId", ""), "sessionId"));
        cases.add(bad("session: in the future", sessions, with(session, "heldOn", TODAY.plusDays(1).toString()), "heldOn"));
        cases.add(refused("session: before the referral", sessions, with(session, "heldOn", day(61)), "heldOn"));
        cases.add(refused("session: discharged participant",
                f -> "/api/participants/" + f.dischargedParticipant() + "/sessions", session, null));
        cases.add(notFound("session: unknown participant", f -> "/api/participants/" + randomId() + "/sessions", session));
        cases.add(notFound("session: a referral's id", f -> "/api/participants/" + f.receivedReferral() + "/sessions",
                session));

        // POST /api/participants/{id}/missed-sessions
        Function<Fixture, String> missed = f -> "/api/participants/" + f.participant() + "/missed-sessions";
        cases.add(bad("missed session: missing date", missed, Map.of("reason", "ill"), "plannedOn"));
        cases.add(refused("missed session: before the referral", missed, Map.of("plannedOn", day(70)), "plannedOn"));

        // POST /api/participants/{id}/contacts
        Function<Fixture, String> contacts = f -> "/api/participants/" + f.participant() + "/contacts";
        Map<String, Object> contact = Map.of("channel", "TEXT", "direction", "INBOUND", "contactedOn", day(3));
        cases.add(bad("contact: unknown channel", contacts, with(contact, "channel", "PIGEON"), "channel"));
        cases.add(bad("contact: missing direction", contacts, with(contact, "direction", null), "direction"));
        cases.add(bad("contact: in the future", contacts, with(contact, "contactedOn", TODAY.plusDays(2).toString()),
                "contactedOn"));

        // POST /api/participants/{id}/measures
        Function<Fixture, String> measures = f -> "/api/participants/" + f.participant() + "/measures";
        Map<String, Object> measure = Map.of("instrument", "SWEMWBS", "timepoint", "BASELINE", "recordedOn", day(4),
                "itemScores", List.of(1, 2, 3, 4, 5, 1, 2));
        cases.add(bad("measure: six SWEMWBS items", measures, with(measure, "itemScores", List.of(1, 2, 3, 4, 5, 1)),
                "itemScores"));
        cases.add(bad("measure: SWEMWBS item 6", measures, with(measure, "itemScores", List.of(1, 2, 6, 4, 5, 1, 2)),
                "itemScores[2]"));
        cases.add(bad("measure: UCLA3 item 4", measures,
                with(with(measure, "instrument", "UCLA3"), "itemScores", List.of(1, 4, 2)), "itemScores[1]"));
        cases.add(bad("measure: ONS4 item 11", measures,
                with(with(measure, "instrument", "ONS4"), "itemScores", List.of(1, 4, 2, 11)), "itemScores[3]"));
        cases.add(bad("measure: unknown instrument", measures, with(measure, "instrument", "PHQ9"), "instrument"));
        cases.add(bad("measure: missing timepoint", measures, with(measure, "timepoint", null), "timepoint"));
        cases.add(bad("measure: scores as text", measures, with(measure, "itemScores", List.of("a")), "itemScores[0]"));

        // POST /api/participants/{id}/signposts and uptake
        Function<Fixture, String> signposts = f -> "/api/participants/" + f.participant() + "/signposts";
        Map<String, Object> signpost = Map.of("organisation", "Scouts", "activity", "Camping", "category", "SOCIAL",
                "signpostedOn", day(2));
        cases.add(bad("signpost: blank organisation", signposts, with(signpost, "organisation", ""), "organisation"));
        cases.add(bad("signpost: unknown category", signposts, with(signpost, "category", "GAMBLING"), "category"));
        cases.add(bad("signpost: unknown transport", signposts, with(signpost, "transportSupport", "TAXI"),
                "transportSupport"));
        cases.add(bad("signpost: funded as text", signposts, with(signpost, "fundedAccess", "yes"), "fundedAccess"));
        cases.add(notFound("uptake: unknown signpost",
                f -> "/api/participants/" + f.participant() + "/signposts/" + randomId() + "/uptake",
                Map.of("attended", true, "recordedOn", day(1))));
        Function<Fixture, String> uptake = f -> "/api/participants/" + f.participant() + "/signposts/" + f.signpost()
                + "/uptake";
        cases.add(bad("uptake: missing attended", uptake, Map.of("recordedOn", day(1)), "attended"));
        cases.add(refused("uptake: before the signposting", uptake, Map.of("attended", true, "recordedOn", day(20)),
                "recordedOn"));

        // POST /api/participants/{id}/link-worker, extension, safeguarding-concerns, discharge
        Function<Fixture, String> linkWorker = f -> "/api/participants/" + f.participant() + "/link-worker";
        cases.add(bad("link worker: missing reason", linkWorker, Map.of("linkWorkerId", "lw-2"), "reason"));
        cases.add(refused("link worker: the same one", linkWorker, Map.of("linkWorkerId", "lw-1", "reason", "x"),
                "linkWorkerId"));
        Function<Fixture, String> extension = f -> "/api/participants/" + f.participant() + "/extension";
        cases.add(badAs("manager", "extension: zero weeks", extension, Map.of("weeks", 0, "reason", "x"), "weeks"));
        cases.add(badAs("manager", "extension: 53 weeks", extension, Map.of("weeks", 53, "reason", "x"), "weeks"));
        cases.add(new Case("extension: by a link worker", "linkworker", extension, Map.of("weeks", 2, "reason", "x"),
                403, null));
        Function<Fixture, String> concerns = f -> "/api/participants/" + f.participant() + "/safeguarding-concerns";
        cases.add(bad("safeguarding: missing summary", concerns, Map.of("raisedOn", day(1)), "summary"));
        Function<Fixture, String> discharge = f -> "/api/participants/" + f.participant() + "/discharge";
        cases.add(bad("discharge: unknown reason", discharge, Map.of("reason", "BORED", "dischargedOn", day(1)), "reason"));
        cases.add(bad("discharge: missing date", discharge, Map.of("reason", "COMPLETED"), "dischargedOn"));
        cases.add(refused("discharge: twice",
                f -> "/api/participants/" + f.dischargedParticipant() + "/discharge",
                Map.of("reason", "COMPLETED", "dischargedOn", day(1)), null));

        // Who may call
        cases.add(new Case("no credentials", null, referrals, form, 401, null));
        cases.add(new Case("an analyst recording a referral", "analyst", referrals, form, 403, null));
        cases.add(new Case("an auditor recording a session", "auditor", sessions, session, 403, null));
        return cases.stream();
    }

    private static List<Object> nullList() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    private static Case bad(String name, Function<Fixture, String> path, Object body, String field) {
        return badAs(userFor(name), name, path, body, field);
    }

    private static Case badAs(String user, String name, Function<Fixture, String> path, Object body, String field) {
        return new Case(name, user, path, body, 400, field);
    }

    private static Case refused(String name, Function<Fixture, String> path, Object body, String field) {
        return new Case(name, userFor(name), path, body, 409, field);
    }

    private static Case notFound(String name, Function<Fixture, String> path, Object body) {
        return new Case(name, userFor(name), path, body, 404, null);
    }

    /** Referral commands are a coordinator's, participant commands a manager's (allowed both). */
    private static String userFor(String name) {
        return name.startsWith("referral") || name.startsWith("triage") || name.startsWith("assignment")
                || name.startsWith("withdrawal") || name.startsWith("link worker") ? "coordinator" : "manager";
    }

    static Map<String, Object> mapOf(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
