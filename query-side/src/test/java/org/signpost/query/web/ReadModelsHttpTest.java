package org.signpost.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.testing.Scenario.daysAgo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.events.DischargeReason;
import org.signpost.events.Instrument;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.Need;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.SupportExtended;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.TriageOutcome;
import org.signpost.events.UptakeRecorded;
import org.signpost.events.VcseCategory;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.caseload.CaseloadFlag;
import org.signpost.query.testing.History;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/**
 * Every event on every read model it touches, read back through every query path: the triage
 * queue, referral and participant state, caseloads with their flags, histories, the audit
 * search with paging, and the projections' status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelsHttpTest extends QuerySideTest {

    private UUID accepted;
    private UUID awaitingOlder;
    private UUID awaitingNewer;
    private UUID withdrawn;
    private UUID declined;
    private UUID moved;
    private UUID quiet;
    private UUID ending;
    private UUID beyond;
    private UUID discharged;

    @BeforeAll
    void history() {
        Scenario s = new Scenario();
        awaitingOlder = s.referral(7, 15, List.of(Need.LONELINESS), "Olive");
        awaitingNewer = s.referral(5, 10, List.of(Need.OTHER), "Bea");
        withdrawn = s.referral(10, 13, List.of(Need.ANXIETY), "Wes");
        s.events().add(History.of(new ReferralWithdrawn(withdrawn, daysAgo(9),
                PersonalData.of("Family moved")), 1, "coordinator", "COORDINATOR"));
        declined = s.referral(20, 16, List.of(Need.ANXIETY), "Dee");
        s.triage(declined, TriageOutcome.DECLINED, 19, 1);

        moved = s.participant(60, "lw-a", "Amelia");
        UUID signpost = UUID.randomUUID();
        s.then(session(moved, 50, 40, "lw-a"), "linkworker", "LINK_WORKER")
                .then(session(moved, 43, 10, "lw-a"), "linkworker", "LINK_WORKER")
                .then(new SessionMissed(moved, daysAgo(40), null), "linkworker", "LINK_WORKER")
                .then(new ContactMade(moved, ContactChannel.TEXT, ContactDirection.OUTBOUND, daysAgo(35)), "linkworker",
                        "LINK_WORKER")
                .then(new OutcomeMeasured(moved, Instrument.UCLA3, Timepoint.BASELINE, daysAgo(50), List.of(3, 3, 2),
                        BigDecimal.valueOf(8)), "linkworker", "LINK_WORKER")
                .then(new SignpostedToVcse(moved, signpost, "Scouts", "Camping", VcseCategory.SOCIAL, daysAgo(30), true,
                        TransportSupport.BUS_PASS), "linkworker", "LINK_WORKER")
                .then(new UptakeRecorded(moved, signpost, true, daysAgo(25)), "linkworker", "LINK_WORKER")
                .then(new SafeguardingConcernRaised(moved, UUID.randomUUID(), daysAgo(24), PersonalData.of("Worry")),
                        "linkworker", "LINK_WORKER")
                .then(new LinkWorkerChanged(moved, "lw-a", "lw-b", daysAgo(18), PersonalData.of("Leave")), "coordinator",
                        "COORDINATOR")
                .then(new SupportExtended(moved, 4, daysAgo(17), PersonalData.of("More time")), "manager", "MANAGER");
        quiet = s.participant(30, "lw-a", "Quinn");
        ending = s.participant(90, "lw-a", "Ezra");
        s.then(session(ending, 80, 5, "lw-a"), "linkworker", "LINK_WORKER")
                .then(new ContactMade(ending, ContactChannel.PHONE, ContactDirection.INBOUND, daysAgo(3)), "linkworker",
                        "LINK_WORKER");
        beyond = s.participant(100, "lw-a", "Bo");
        s.then(session(beyond, 90, 5, "lw-a"), "linkworker", "LINK_WORKER")
                .then(session(beyond, 2, 5, "lw-a"), "linkworker", "LINK_WORKER");
        discharged = s.participant(40, "lw-a", "Dara");
        s.then(new ParticipantDischarged(discharged, DischargeReason.MOVED_AWAY, daysAgo(1)), "manager", "MANAGER");
        accepted = referralOf(s, moved);
        append(s.events());
        awaitProjections();
    }

    @Test
    void theTriageQueueHoldsReferralsAwaitingTriageOldestFirstWithTheirFailedCriteria() {
        Response response = api.as("coordinator").get("/api/triage-queue");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> mine = StreamSupport.stream(response.json().spliterator(), false)
                .filter(e -> List.of(awaitingOlder.toString(), awaitingNewer.toString())
                        .contains(e.path("referralId").asText())).toList();
        assertThat(mine).extracting(e -> e.path("referralId").asText())
                .containsExactly(awaitingOlder.toString(), awaitingNewer.toString());
        assertThat(mine.get(0).path("daysWaiting").asInt()).isEqualTo(7);
        assertThat(mine.get(0).path("receivedOn").asText()).isEqualTo(daysAgo(7).toString());
        assertThat(mine.get(0).path("source").asText()).isEqualTo("SCHOOL");
        assertThat(mine.get(0).path("failedCriteria")).isEmpty();
        assertThat(texts(mine.get(1).path("failedCriteria"))).containsExactly("AGE_11_TO_18", "ANXIETY_OR_LONELINESS");
        assertThat(texts(response.json(), "referralId")).doesNotContain(withdrawn.toString(), declined.toString(),
                accepted.toString());
        assertThat(api.as("linkworker").get("/api/triage-queue").status()).isEqualTo(403);
    }

    @Test
    void aReferralShowsItsCurrentState() {
        JsonNode assigned = api.as("coordinator").get("/api/referrals/" + accepted).json();
        assertThat(assigned.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.path("participantId").asText()).isEqualTo(moved.toString());
        assertThat(assigned.path("linkWorkerId").asText()).isEqualTo("lw-a");
        assertThat(assigned.path("youngPerson").path("firstName").asText()).isEqualTo("Amelia");
        // The auditor sees the same person in the history's payloads, opened as the store holds them.
        JsonNode received = api.as("auditor").get("/api/referrals/" + accepted + "/history").json().get(0);
        assertThat(received.path("type").asText()).isEqualTo("ReferralReceived");
        assertThat(received.path("payload").path("youngPerson").path("value").path("firstName").asText())
                .isEqualTo("Amelia");
        assertThat(assigned.path("triage").path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(api.as("coordinator").get("/api/referrals/" + withdrawn).json().path("status").asText())
                .isEqualTo("WITHDRAWN");
        assertThat(api.as("coordinator").get("/api/referrals/" + declined).json().path("status").asText())
                .isEqualTo("DECLINED");
        Response waiting = api.as("manager").get("/api/referrals/" + awaitingOlder);
        assertThat(waiting.json().path("status").asText()).isEqualTo("AWAITING_TRIAGE");
        assertThat(waiting.header("ETag")).isEqualTo("\"0\"");
        assertThat(api.as("coordinator").get("/api/referrals/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aCaseloadListsActiveParticipantsWithTheirFlags() {
        JsonNode lwB = api.as("manager").get("/api/caseloads/lw-b").json();
        assertThat(lwB).hasSize(1);
        JsonNode amelia = lwB.get(0);
        assertThat(amelia.path("participantId").asText()).isEqualTo(moved.toString());
        assertThat(amelia.path("name").asText()).isEqualTo("Amelia Testperson");
        assertThat(amelia.path("age").asInt()).isEqualTo(14);
        assertThat(amelia.path("firstSessionOn").asText()).isEqualTo(daysAgo(50).toString());
        assertThat(amelia.path("weekOfSupport").asInt()).isEqualTo(50 / 7 + 1);
        assertThat(amelia.path("sessionsHeld").asInt()).isEqualTo(2);
        assertThat(amelia.path("lastContactOn").asText()).isEqualTo(daysAgo(35).toString());
        assertThat(amelia.path("signposted").asBoolean()).isTrue();
        assertThat(texts(amelia.path("flags"))).containsExactly("NO_CONTACT_14_DAYS", "SESSION_OVER_30_MINUTES_WALK",
                "SAFEGUARDING_CONCERN");

        JsonNode lwA = api.as("coordinator").get("/api/caseloads/lw-a").json();
        assertThat(texts(lwA, "participantId")).containsExactlyInAnyOrder(quiet.toString(), ending.toString(),
                beyond.toString());
        assertThat(flagsOf(lwA, quiet)).containsExactly("NO_CONTACT_14_DAYS");
        assertThat(flagsOf(lwA, ending)).containsExactly("ENTITLEMENT_ENDING");
        assertThat(flagsOf(lwA, beyond)).containsExactly("BEYOND_ENTITLEMENT");
    }

    @Test
    void theCaseloadFlagsAreCountedOverEveryCaseloadAndListedWithTheirLinkWorkers() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (CaseloadFlag flag : CaseloadFlag.values()) {
            expected.put(flag.name(), new TreeSet<>());
        }
        for (JsonNode linkWorker : api.as("manager").get("/api/caseloads").json()) {
            for (JsonNode participant : api.as("manager").get("/api/caseloads/" + linkWorker.path("linkWorkerId").asText())
                    .json()) {
                participant.path("flags").forEach(flag -> expected.get(flag.asText())
                        .add(participant.path("participantId").asText()));
            }
        }
        assertThat(expected.get("SAFEGUARDING_CONCERN")).contains(moved.toString());
        assertThat(expected.get("ENTITLEMENT_ENDING")).contains(ending.toString());

        Response counts = api.as("coordinator").get("/api/caseload-flags");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(texts(counts.json(), "flag")).containsExactlyElementsOf(expected.keySet());
        for (JsonNode count : counts.json()) {
            assertThat(count.path("participants").asInt()).as(count.toString())
                    .isEqualTo(expected.get(count.path("flag").asText()).size());
        }
        assertThat(counts.body()).as("no one's name nor id").doesNotContain("Amelia", moved.toString());

        for (String flag : expected.keySet()) {
            JsonNode listed = api.as("manager").get("/api/caseload-flags/" + flag).json();
            assertThat(texts(listed, "participantId")).as(flag).containsExactlyInAnyOrderElementsOf(expected.get(flag));
            listed.forEach(participant -> assertThat(texts(participant.path("flags"))).contains(flag));
        }
        JsonNode amelia = find(api.as("manager").get("/api/caseload-flags/SAFEGUARDING_CONCERN").json(), "participantId",
                moved.toString());
        assertThat(amelia.path("linkWorkerId").asText()).isEqualTo("lw-b");
        assertThat(amelia.path("referralId").asText()).isEqualTo(accepted.toString());
        assertThat(amelia.path("name").asText()).isEqualTo("Amelia Testperson");
        assertThat(amelia.path("weekOfSupport").asInt()).isEqualTo(50 / 7 + 1);
        assertThat(texts(amelia.path("flags"))).containsExactly("NO_CONTACT_14_DAYS", "SESSION_OVER_30_MINUTES_WALK",
                "SAFEGUARDING_CONCERN");
        assertThat(texts(api.as("manager").get("/api/caseload-flags/NO_CONTACT_14_DAYS").json(), "participantId"))
                .as("discharged").doesNotContain(discharged.toString());

        for (String unknown : List.of("NO_SUCH_FLAG", "no-contact-14-days")) {
            Response refused = api.as("manager").get("/api/caseload-flags/" + unknown);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("linkworker").get("/api/caseload-flags").status()).isEqualTo(403);
        assertThat(api.as("analyst").get("/api/caseload-flags/SAFEGUARDING_CONCERN").status()).isEqualTo(403);
    }

    @Test
    void countingTheFlagsReadsNoOnesPersonalDataAndListingOneLogsTheReadsOfThoseListedOnly() {
        long quietBefore = readsLogged(quiet);
        long endingBefore = readsLogged(ending);
        assertThat(api.as("manager").get("/api/caseload-flags").status()).isEqualTo(200);
        assertThat(readsLogged(quiet)).isEqualTo(quietBefore);
        assertThat(readsLogged(ending)).isEqualTo(endingBefore);

        assertThat(api.as("manager").get("/api/caseload-flags/NO_CONTACT_14_DAYS").status()).isEqualTo(200);
        assertThat(readsLogged(quiet)).isEqualTo(quietBefore + 1);
        assertThat(readsLogged(ending)).as("not flagged so, not read").isEqualTo(endingBefore);
        JsonNode last = api.as("auditor").get("/api/audit/personal-data-reads?subjectId=" + quiet + "&page="
                + quietBefore + "&size=1").json().get(0);
        assertThat(last.path("endpoint").asText()).isEqualTo("GET /api/caseload-flags/{flag}");
        assertThat(last.path("actor").asText()).isEqualTo("manager");
    }

    private long readsLogged(UUID subject) {
        return Long.parseLong(api.as("auditor").get("/api/audit/personal-data-reads?subjectId=" + subject + "&size=1")
                .header("X-Total-Count"));
    }

    @Test
    void caseloadsCountActiveParticipantsAgainstCapacity() {
        JsonNode all = api.as("manager").get("/api/caseloads").json();
        JsonNode lwA = find(all, "linkWorkerId", "lw-a");
        assertThat(lwA.path("active").asInt()).isEqualTo(3);
        assertThat(lwA.path("capacity").asInt()).isEqualTo(15);
        assertThat(find(all, "linkWorkerId", "lw-b").path("active").asInt()).isEqualTo(1);
        assertThat(find(all, "linkWorkerId", "lw-2").path("active").asInt()).as("from the users file").isZero();

        JsonNode own = api.as("linkworker").get("/api/caseloads").json();
        assertThat(texts(own, "linkWorkerId")).containsExactly("lw-1");
    }

    @Test
    void aLinkWorkerSeesOnlyTheirOwnCaseloadAndParticipants() {
        assertThat(api.as("linkworker").get("/api/caseloads/lw-a").status()).isEqualTo(403);
        assertThat(api.as("linkworker").get("/api/caseloads/lw-1").status()).isEqualTo(200);
        assertThat(api.as("linkworker").get("/api/participants/" + moved).status()).isEqualTo(404);
        assertThat(api.as("linkworker").get("/api/participants/" + moved + "/history").status()).isEqualTo(404);
        assertThat(api.as("linkworker").get("/api/referrals/" + accepted).status()).isEqualTo(404);
        assertThat(api.as("linkworker").get("/api/referrals/" + accepted + "/history").status()).isEqualTo(404);
    }

    @Test
    void aParticipantShowsTheirSupportEpisode() {
        Response response = api.as("auditor").get("/api/participants/" + moved);
        JsonNode p = response.json();
        assertThat(p.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(p.path("linkWorkerId").asText()).isEqualTo("lw-b");
        assertThat(p.path("missedSessions").asInt()).isEqualTo(1);
        assertThat(p.path("extensionWeeks").asInt()).isEqualTo(4);
        assertThat(p.path("entitlementEndsOn").asText()).isEqualTo(daysAgo(50).plusWeeks(16).toString());
        assertThat(p.path("safeguardingConcerns").asInt()).isEqualTo(1);
        assertThat(response.header("ETag")).isEqualTo("\"10\"");
        JsonNode gone = api.as("coordinator").get("/api/participants/" + discharged).json();
        assertThat(gone.path("status").asText()).isEqualTo("DISCHARGED");
        assertThat(gone.path("dischargeReason").asText()).isEqualTo("MOVED_AWAY");
        assertThat(api.as("manager").get("/api/caseloads/lw-a").json().toString()).doesNotContain(discharged.toString());
    }

    @Test
    void historiesShowEveryEventInOrderWithWhoRecordedIt() {
        JsonNode history = api.as("auditor").get("/api/participants/" + moved + "/history").json();
        assertThat(texts(history, "type")).containsExactly("ParticipantEnrolled", "SessionHeld", "SessionHeld",
                "SessionMissed", "ContactMade", "OutcomeMeasured", "SignpostedToVcse", "UptakeRecorded",
                "SafeguardingConcernRaised", "LinkWorkerChanged", "SupportExtended");
        JsonNode change = history.get(9);
        assertThat(change.path("sequence").asLong()).isEqualTo(9);
        assertThat(change.path("actor").asText()).isEqualTo("coordinator");
        assertThat(change.path("role").asText()).isEqualTo("COORDINATOR");
        assertThat(change.path("occurredOn").asText()).isEqualTo(daysAgo(18).toString());
        assertThat(change.path("correlationId").asText()).isNotBlank();
        assertThat(change.path("recordedAt").asText()).endsWith("Z");
        assertThat(change.path("payload").path("linkWorkerId").asText()).isEqualTo("lw-b");
        List<Long> positions = new ArrayList<>();
        history.forEach(row -> positions.add(row.path("position").asLong()));
        assertThat(positions).isSorted();

        JsonNode referral = api.as("coordinator").get("/api/referrals/" + accepted + "/history").json();
        assertThat(texts(referral, "type")).containsExactly("ReferralReceived", "Triaged", "LinkWorkerAssigned");
        assertThat(api.as("auditor").get("/api/referrals/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);
        assertThat(api.as("analyst").get("/api/participants/" + moved + "/history").status()).isEqualTo(403);
    }

    @Test
    void theAuditSearchFiltersAndPages() {
        Response first = api.as("auditor").get("/api/audit/events?aggregateId=" + moved + "&size=4&page=0");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(4);
        assertThat(first.header("X-Total-Count")).isEqualTo("11");
        assertThat(first.header("Link")).contains("page=1").contains("rel=\"next\"");
        Response last = api.as("auditor").get("/api/audit/events?aggregateId=" + moved + "&size=4&page=2");
        assertThat(last.json()).hasSize(3);
        assertThat(last.header("Link")).isNull();

        JsonNode sessions = api.as("auditor").get("/api/audit/events?type=SessionHeld&actor=linkworker&aggregateId="
                + beyond).json();
        assertThat(sessions).hasSize(2);
        // Other test classes share this database, so the unfiltered search may page past "moved":
        // every row must match both filters, and "moved" must be found when it is asked for.
        JsonNode byManager = api.as("auditor").get("/api/audit/events?actor=manager&type=SupportExtended").json();
        assertThat(byManager).isNotEmpty();
        byManager.forEach(row -> {
            assertThat(row.path("actor").asText()).isEqualTo("manager");
            assertThat(row.path("type").asText()).isEqualTo("SupportExtended");
        });
        JsonNode movedByManager = api.as("auditor")
                .get("/api/audit/events?actor=manager&type=SupportExtended&aggregateId=" + moved).json();
        assertThat(texts(movedByManager, "aggregateId")).containsExactly(moved.toString());
        String today = Scenario.TODAY.toString();
        assertThat(api.as("auditor").get("/api/audit/events?from=" + today + "&to=" + today + "&aggregateId=" + moved)
                .json()).hasSize(11);
        assertThat(api.as("auditor").get("/api/audit/events?to=2000-01-01&aggregateId=" + moved).json()).isEmpty();
        Response bad = api.as("auditor").get("/api/audit/events?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("from");
        assertThat(api.as("auditor").get("/api/audit/events?size=0").status()).isEqualTo(400);
        assertThat(api.as("manager").get("/api/audit/events").status()).isEqualTo(403);
    }

    @Test
    void projectionsReportTheirPositionAgainstTheHead() {
        JsonNode all = api.as("analyst").get("/api/projections").json();
        assertThat(texts(all, "name")).containsExactly("referrals", "caseload", "audit-trail", "evaluation-metrics");
        for (JsonNode projection : all) {
            assertThat(projection.path("position").asLong()).isEqualTo(projection.path("headPosition").asLong());
            assertThat(projection.path("lag").asLong()).isZero();
            assertThat(projection.path("status").asText()).isEqualTo("RUNNING");
            assertThat(projection.path("deadLetters").asLong()).isZero();
        }
        assertThat(api.as("coordinator").get("/api/projections").status()).isEqualTo(403);
    }

    private static SessionHeld session(UUID participant, int daysAgo, int walk, String linkWorker) {
        return new SessionHeld(participant, UUID.randomUUID(), daysAgo(daysAgo), 40, SessionLocation.SCHOOL,
                AccompaniedBy.NONE, walk, List.of(), linkWorker, false, null);
    }

    private static UUID referralOf(Scenario s, UUID participant) {
        return s.events().stream().filter(h -> h.event() instanceof ParticipantEnrolled e
                        && e.participantId().equals(participant))
                .map(h -> ((ParticipantEnrolled) h.event()).referralId()).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("No " + field + " " + value + " in " + array);
    }

    private static List<String> flagsOf(JsonNode caseload, UUID participant) {
        return texts(find(caseload, "participantId", participant.toString()).path("flags"));
    }
}
