package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.ReplayGate;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/**
 * A replay's progress in {@code GET /api/projections}: absent before it; while it runs, the
 * events it has read of the head, its rate and time left, rising (held by a {@link ReplayGate}
 * before it reads the store, then before it writes, so that each moment can be seen however
 * small the store); absent again once it is done. Reads go on meanwhile.
 */
class ReplayProgressHttpTest extends QuerySideTest {

    @Test
    void aReplayShowsHowFarItHasGotWhileItRunsAndNothingOnceDone() throws Exception {
        Scenario history = new Scenario();
        history.participant(30, "lw-progress", "Prue");
        append(history.events());
        awaitProjections();
        assertThat(caseload().has("replay")).isFalse();
        assertThat(caseload().has("replayFailure")).isFalse();

        Instant asked = Instant.now();
        try (ReplayGate gate = ReplayGate.hold(superuser().getDataSource(), CaseloadReadModel.NAME,
                "participant_view")) {
            Response started = api.as("manager").post("/api/projections/caseload/replay", Map.of("reason", "progress"));
            assertThat(started.status()).as(started.body()).isEqualTo(202);

            JsonNode before = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(this::caseload, caseload -> caseload.has("replay"));
            assertThat(before.path("status").asText()).isEqualTo("REPLAYING");
            JsonNode waiting = before.path("replay");
            assertThat(waiting.path("eventsDone").asLong()).isZero();
            assertThat(waiting.path("eventsToDo").asLong()).isEqualTo(before.path("headPosition").asLong());
            assertThat(waiting.path("eventsPerSecond").asLong()).isZero();
            assertThat(waiting.has("secondsLeft")).as("no rate yet, so no time left").isFalse();
            assertThat(waiting.path("stage").asText()).isEqualTo("READING_EVENTS");
            assertThat(Instant.parse(waiting.path("startedAt").asText())).isAfterOrEqualTo(asked.minusSeconds(1))
                    .isBeforeOrEqualTo(Instant.now());
            assertThat(api.as("manager").get("/api/caseloads/lw-progress").status()).as("reads go on").isEqualTo(200);
            for (JsonNode other : api.as("analyst").get("/api/projections").json()) {
                if (!other.path("name").asText().equals(CaseloadReadModel.NAME)) {
                    assertThat(other.has("replay")).as(other.toString()).isFalse();
                }
            }

            gate.openStart();
            JsonNode reading = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(this::caseload, caseload -> caseload.path("replay").path("eventsDone").asLong() > 0);
            JsonNode progress = reading.path("replay");
            assertThat(reading.path("status").asText()).isEqualTo("REPLAYING");
            assertThat(progress.path("eventsDone").asLong()).isLessThanOrEqualTo(progress.path("eventsToDo").asLong());
            assertThat(progress.path("eventsToDo").asLong()).isGreaterThanOrEqualTo(waiting.path("eventsToDo").asLong());
            assertThat(progress.path("eventsPerSecond").asLong()).isPositive();
            assertThat(progress.path("startedAt").asText()).isEqualTo(waiting.path("startedAt").asText());
            if (progress.path("stage").asText().equals("SWITCHING_OVER")) {
                // A store the rebuild buffers whole: read to its head, then held before writing.
                assertThat(progress.path("eventsDone").asLong()).isEqualTo(progress.path("eventsToDo").asLong());
                assertThat(progress.has("secondsLeft")).isFalse();
            } else {
                assertThat(progress.path("stage").asText()).isEqualTo("READING_EVENTS");
                assertThat(progress.path("secondsLeft").asLong()).isNotNegative();
            }
            assertThat(api.as("manager").get("/api/caseloads/lw-progress").status()).as("reads go on").isEqualTo(200);

            gate.openWrite();
            JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(this::caseload, caseload -> caseload.path("status").asText().equals("RUNNING"));
            assertThat(done.has("replay")).isFalse();
            assertThat(done.has("replayFailure")).isFalse();
        }
        awaitProjections();
        assertThat(api.as("manager").get("/api/caseloads/lw-progress").json()).hasSize(1);
    }

    private JsonNode caseload() {
        for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
            if (projection.path("name").asText().equals(CaseloadReadModel.NAME)) {
                return projection;
            }
        }
        throw new AssertionError("No caseload projection");
    }
}
