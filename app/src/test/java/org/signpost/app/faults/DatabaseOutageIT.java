package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;

/**
 * PostgreSQL stopped in the middle of a load and started again: commands during the outage are
 * refused with 503 problem+json within a bounded time, the service recovers by itself, the
 * projections go on from their tokens, and nothing acknowledged is lost or doubled.
 */
class DatabaseOutageIT {

    /** Connection timeout (5 s) and a command's own work, with room for a slow machine. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(15);

    @Test
    void commandsDuringAnOutageAreRefusedQuicklyAndTheServiceRecoversByItself() throws Exception {
        Path base = Path.of("target", "it-postgres", "outage-" + UUID.randomUUID()).toAbsolutePath();
        Path data = base.resolve("postgres");
        int port = FreePorts.one();
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(data, port);
        Database external = Database.of(database);
        try (ServiceProcess service = ServiceProcess.allInOne(external, base.resolve("service.log"))) {
            service.start();
            Api api = service.api();
            CommandLoad load = new CommandLoad(api, 4);
            load.awaitMore(400, Duration.ofMinutes(5));

            database.close();
            int refusedBefore = load.refusedCount();
            for (int probe = 0; probe < 5; probe++) {
                long start = System.nanoTime();
                Response refused = referral(api);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(took).as("a refusal during the outage").isLessThan(REFUSAL_BOUND);
            }
            assertThat(api.anonymous().get("/actuator/health/readiness").status())
                    .as("not ready while its database is away").isEqualTo(503);
            assertThat(load.refusedCount()).isGreaterThan(refusedBefore);

            database = EmbeddedPostgresServer.start(data, port);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> referral(api).status() == 201);
            load.awaitMore(400, Duration.ofMinutes(5));
            load.close();

            Convergence.assertStoredExactlyOnce(external, load.acknowledged());
            Convergence.assertReadModelsEqualAReplay(api, base.resolve("diff"));
        } finally {
            database.close();
        }
    }

    private static Response referral(Api api) {
        return api.as("coordinator").post("/api/referrals", Requests.referral("Probe", "Outage", 2));
    }
}
