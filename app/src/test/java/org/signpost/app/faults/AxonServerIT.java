package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.testing.Api;

/**
 * The packaged service with the {@code axonserver} profile against a real Axon Server: commands
 * stored there, every read model built from its stream and equal to a replay of it. No Axon
 * Server runs in CI, so this runs only when one is named (docs/operations.md, "The event store"):
 * {@code -Dsignpost.test.axon-server=localhost:8124 -Dsignpost.test.axon-server-token=...}.
 */
@EnabledIfSystemProperty(named = "signpost.test.axon-server", matches = ".+")
class AxonServerIT {

    @Test
    void theServiceRunsOnAxonServer() throws Exception {
        Path data = Path.of("target", "it-postgres", "axonserver-" + UUID.randomUUID()).toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.allInOne(data)) {
            service.start("--spring.profiles.active=axonserver",
                    "--axon.axonserver.servers=" + System.getProperty("signpost.test.axon-server"),
                    "--axon.axonserver.token=" + System.getProperty("signpost.test.axon-server-token", ""));
            Api api = service.api();
            long before = auditSize(api);
            CommandLoad load = new CommandLoad(api, 4);
            load.awaitMore(300, Duration.ofMinutes(3));
            load.close();

            Convergence.assertReadModelsEqualAReplay(api, data.resolveSibling(data.getFileName() + "-diff"));
            assertThat(auditSize(api) - before).as("events stored in Axon Server, in the audit trail")
                    .isGreaterThanOrEqualTo(load.acknowledgedCount());
            assertThat(api.as("auditor").get("/api/audit/integrity").status()).isEqualTo(501);
            assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    /** docker-compose.yml's layout: one command side and two query sides on Axon Server and one PostgreSQL. */
    @Test
    void theSplitDeploymentRunsOnAxonServer() throws Exception {
        Path base = Path.of("target", "it-postgres", "axonserver-split-" + UUID.randomUUID()).toAbsolutePath();
        String[] axonServer = {"--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=" + System.getProperty("signpost.test.axon-server"),
                "--axon.axonserver.token=" + System.getProperty("signpost.test.axon-server-token", "")};
        String[] querySide = Stream.concat(Arrays.stream(axonServer), Stream.of(
                "--signpost.projections.segments=2", "--signpost.projections.balance-interval=PT1S",
                "--signpost.projections.node-timeout=PT5S")).toArray(String[]::new);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(base.resolve("postgres"));
             ServiceProcess commandSide = ServiceProcess.commandSide(Database.of(server), base.resolve("command-side.log"));
             ServiceProcess first = ServiceProcess.querySide(Database.of(server), base.resolve("query-side-1.log"));
             ServiceProcess second = ServiceProcess.querySide(Database.of(server), base.resolve("query-side-2.log"))) {
            commandSide.start(axonServer);
            first.start(querySide);
            second.start(querySide);
            CommandLoad load = new CommandLoad(commandSide.api(), 4);
            load.awaitMore(300, Duration.ofMinutes(3));
            second.kill();
            load.awaitMore(200, Duration.ofMinutes(3));
            load.close();

            Convergence.assertReadModelsEqualAReplay(first.api(), base.resolve("diff"));
            assertThat(first.api().anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    private static long auditSize(Api api) {
        return Long.parseLong(api.as("auditor").get("/api/audit/events?size=1").header("X-Total-Count"));
    }
}
