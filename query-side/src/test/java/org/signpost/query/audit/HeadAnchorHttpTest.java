package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.integrity.ChainAnchor;
import org.signpost.platform.integrity.ChainSealer;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head anchor, the file outside the database that remembers how far each chain was sealed:
 * missing, it is a first start and no failure; garbled or changed by hand, it is named in the
 * integrity check, and left alone until an operator removes it.
 */
class HeadAnchorHttpTest extends QuerySideTest {

    @Autowired
    ChainAnchor anchor;

    @Autowired
    List<ChainSealer> sealers;

    @BeforeEach
    void someHistoryAndReadsAllSealed() {
        Scenario scenario = new Scenario();
        UUID participant = scenario.participant(30, "lw-anchor", "Anchored");
        append(scenario.events());
        awaitProjections();
        assertThat(api.as("coordinator").get("/api/participants/" + participant).status()).isEqualTo(200);
        // Nothing left to seal, so that no seal run moves the anchor while a test looks at it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject("""
                SELECT bool_and(h.sealed_up_to >= CASE h.chain
                    WHEN 'events' THEN (SELECT max(global_index) FROM domain_event_entry)
                    ELSE (SELECT max(id) FROM personal_data_read) END)
                FROM chain_head h""", Boolean.class));
        // A run of each sealer waits for the one under way, which may be about to write the anchor.
        sealers.forEach(ChainSealer::seal);
    }

    @AfterEach
    void anchoredAnew() throws Exception {
        Files.deleteIfExists(file());
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("INTACT");
        assertThat(report.path("readLog").path("status").asText()).isEqualTo("INTACT");
        assertThat(anchor.read()).containsKeys("events", "read-log");
    }

    private Path file() {
        return anchor.file();
    }

    private JsonNode integrity() {
        return api.as("auditor").get("/api/audit/integrity").json();
    }

    @Test
    void noAnchorYetIsAFirstStartAndTheCheckAnchorsBothChains() throws Exception {
        Files.deleteIfExists(file());
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("INTACT");
        assertThat(anchor.read().get("events").position()).isEqualTo(report.path("sealedUpTo").asLong());
        assertThat(anchor.read().get("events").hex()).isEqualTo(report.path("headHash").asText());
        assertThat(Files.readString(file())).contains("events " + report.path("sealedUpTo").asLong() + " "
                + report.path("headHash").asText());
        assertThat(anchor.read().get("read-log").hex()).isEqualTo(report.path("readLog").path("headHash").asText());
    }

    @Test
    void aGarbledAnchorIsNamedAndLeftAlone() throws Exception {
        Files.writeString(file(), "events twelve\n");
        JsonNode report = integrity();
        for (JsonNode chain : new JsonNode[] {report, report.path("readLog")}) {
            assertThat(chain.path("status").asText()).isEqualTo("BROKEN");
            assertThat(chain.path("firstFailure").path("reason").asText()).contains(file().toString())
                    .contains("garbled at line 1");
        }
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(503);
        assertThat(Files.readString(file())).isEqualTo("events twelve\n");
    }

    @Test
    void anAnchorChangedByHandIsNamedAsSuch() throws Exception {
        integrity();
        Files.writeString(file(), Files.readString(file()).replaceFirst("events [0-9]+ ", "events 999999 "));
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("BROKEN");
        assertThat(report.path("firstFailure").path("reason").asText()).contains("changed outside Signpost");
    }
}
