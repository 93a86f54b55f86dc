package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.database.EmbeddedPostgresServer;

/**
 * The split deployment: one command-side and two query-side processes on one PostgreSQL. The
 * query sides share every projection's segments; when one is killed with SIGKILL the other
 * takes its segments over; every event is applied once (the read models equal a replay).
 */
class TwoQuerySidesIT {

    private static final String[] TWO_SEGMENTS = {"--signpost.projections.segments=2",
            "--signpost.projections.balance-interval=PT1S", "--signpost.projections.node-timeout=PT5S"};

    @Test
    void twoQuerySidesShareTheSegmentsAndTheSurvivorTakesOverWhenOneIsKilled() throws Exception {
        Path base = Path.of("target", "it-postgres", "split-" + UUID.randomUUID()).toAbsolutePath();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(base.resolve("postgres"));
             ServiceProcess commandSide = ServiceProcess.commandSide(Database.of(server), base.resolve("command-side.log"));
             ServiceProcess first = ServiceProcess.querySide(Database.of(server), base.resolve("query-side-1.log"));
             ServiceProcess second = ServiceProcess.querySide(Database.of(server), base.resolve("query-side-2.log"))) {
            Database database = Database.of(server);
            commandSide.start();
            first.start(TWO_SEGMENTS);
            second.start(TWO_SEGMENTS);
            CommandLoad load = new CommandLoad(commandSide.api(), 4);

            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(owners(database)).as("each projection's two segments, one per query side")
                            .allSatisfy((projection, owners) -> assertThat(owners).containsExactlyInAnyOrder(
                                    first.pid(), second.pid())).hasSize(Convergence.PROJECTIONS.size()));
            load.awaitMore(300, Duration.ofMinutes(5));

            // A replay by one process under load: the other lets go of the segments for its hand-over.
            for (String projection : Convergence.PROJECTIONS) {
                assertThat(first.api().as("analyst").post("/api/projections/" + projection + "/replay", Map.of())
                        .status()).isEqualTo(202);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonNode statuses = first.api().as("analyst").get("/api/projections").json();
                for (JsonNode projection : statuses) {
                    assertThat(projection.path("status").asText()).as(projection.toString()).isNotEqualTo("REPLAY_FAILED");
                }
                return statuses.findValuesAsText("status").stream().allMatch("RUNNING"::equals);
            });
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(owners(database)).as("shared again after the replay")
                            .allSatisfy((projection, owners) -> assertThat(owners).containsExactlyInAnyOrder(
                                    first.pid(), second.pid())));
            load.awaitMore(300, Duration.ofMinutes(5));

            second.kill();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(owners(database)).as("the survivor holds every segment")
                            .allSatisfy((projection, owners) -> assertThat(owners).containsOnly(first.pid())));
            load.awaitMore(600, Duration.ofMinutes(5));
            load.close();

            Convergence.assertStoredExactlyOnce(database, load.acknowledged());
            Convergence.assertReadModelsEqualAReplay(first.api(), base.resolve("diff"));
        }
    }

    /** Per projection, the process (by pid, -1 for none) that holds each of its segments. */
    private static Map<String, List<Long>> owners(Database database) throws Exception {
        Map<String, List<Long>> owners = new HashMap<>();
        try (Connection db = database.superuser();
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT processor_name, owner FROM token_entry ORDER BY processor_name, segment")) {
            while (rs.next()) {
                String owner = rs.getString("owner");
                // Axon names an owner as its JVM does: pid@host.
                long pid = owner == null ? -1 : Long.parseLong(owner.substring(0, owner.indexOf('@')));
                owners.computeIfAbsent(rs.getString("processor_name"), p -> new ArrayList<>()).add(pid);
            }
        }
        return owners;
    }
}
