package org.signpost.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.testing.Scenario.daysAgo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.signpost.events.PersonalData;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/**
 * The caseload flag SAFEGUARDING_CONCERN means an open concern: closing the only one clears it,
 * closing one of two keeps it; the closure is in the history and the audit trail; a replay of
 * the caseload gives the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeguardingConcernsHttpTest extends QuerySideTest {

    /** A link worker of this test alone, so that their caseload holds only its participants. */
    private static final String LINK_WORKER = "lw-safeguarding";

    private UUID cleared;
    private UUID stillFlagged;

    @BeforeAll
    void history() {
        Scenario s = new Scenario();
        cleared = s.participant(40, LINK_WORKER, "Cleo");
        UUID only = UUID.randomUUID();
        s.then(new SafeguardingConcernRaised(cleared, only, daysAgo(20), PersonalData.of("Worry at home")),
                        "linkworker", "LINK_WORKER")
                .then(new SafeguardingConcernClosed(cleared, only, daysAgo(10), PersonalData.of("Lead met family")),
                        "linkworker", "LINK_WORKER");
        stillFlagged = s.participant(40, LINK_WORKER, "Sol");
        UUID first = UUID.randomUUID();
        s.then(new SafeguardingConcernRaised(stillFlagged, first, daysAgo(20), PersonalData.of("Bullying")),
                        "linkworker", "LINK_WORKER")
                .then(new SafeguardingConcernRaised(stillFlagged, UUID.randomUUID(), daysAgo(15), PersonalData.of("Online")),
                        "linkworker", "LINK_WORKER")
                .then(new SafeguardingConcernClosed(stillFlagged, first, daysAgo(5), PersonalData.of("Resolved")),
                        "manager", "MANAGER");
        append(s.events());
        awaitProjections();
    }

    @Test
    void closingTheOnlyOpenConcernClearsTheFlagAndClosingOneOfTwoKeepsIt() {
        assertThat(flags(cleared)).doesNotContain("SAFEGUARDING_CONCERN");
        assertThat(flags(stillFlagged)).contains("SAFEGUARDING_CONCERN");
        assertThat(api.as("manager").get("/api/participants/" + cleared).json().path("safeguardingConcerns").asInt())
                .isZero();
        assertThat(api.as("manager").get("/api/participants/" + stillFlagged).json().path("safeguardingConcerns")
                .asInt()).isEqualTo(1);
    }

    @Test
    void theClosureIsInTheHistoryAndTheAuditTrailWithItsOutcome() {
        JsonNode history = api.as("manager").get("/api/participants/" + cleared + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("SafeguardingConcernClosed");
        assertThat(last.path("occurredOn").asText()).isEqualTo(daysAgo(10).toString());
        assertThat(last.path("payload").path("outcome").path("value").asText()).isEqualTo("Lead met family");
        JsonNode audit = api.as("auditor").get("/api/audit/events?type=SafeguardingConcernClosed&aggregateId="
                + stillFlagged).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("manager");
    }

    @Test
    void aReplayOfTheCaseloadGivesTheSameFlags() {
        List<String> before = caseload();
        projections.replay(CaseloadReadModel.NAME);
        awaitProjections();
        assertThat(caseload()).isEqualTo(before).anyMatch(row -> row.contains("SAFEGUARDING_CONCERN"));
    }

    private List<String> flags(UUID participantId) {
        List<String> flags = new ArrayList<>();
        for (JsonNode row : api.as("manager").get("/api/caseloads/" + LINK_WORKER).json()) {
            if (row.path("participantId").asText().equals(participantId.toString())) {
                row.path("flags").forEach(flag -> flags.add(flag.asText()));
                return flags;
            }
        }
        throw new AssertionError(participantId + " is not on the caseload of " + LINK_WORKER);
    }

    private List<String> caseload() {
        List<String> rows = new ArrayList<>();
        api.as("manager").get("/api/caseloads/" + LINK_WORKER).json().forEach(row -> rows.add(row.toString()));
        return rows;
    }
}
