package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A load of commands against the packaged service in its own process, killed with SIGKILL in the
 * middle and started again on the same data: every command answered 2xx is in the event store
 * exactly once (one cut off in flight may be there or not, never twice and never in part), and
 * after the restart every read model converges to what a full replay gives.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_500;

    @Test
    void acknowledgedCommandsSurviveAKillExactlyOnceAndReadModelsConverge() throws Exception {
        Path data = Path.of("target", "it-postgres", UUID.randomUUID().toString()).toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.allInOne(data)) {
            service.start();
            CommandLoad load = new CommandLoad(service.api(), CLIENTS);
            load.awaitMore(ACKNOWLEDGED_BEFORE_KILL, Duration.ofMinutes(5));
            service.kill();
            load.close();

            service.start();
            Convergence.assertStoredExactlyOnce(service.embeddedDatabase(), load.acknowledged());
            Convergence.assertReadModelsEqualAReplay(service.api(), data.resolveSibling(data.getFileName() + "-diff"));
            assertThat(load.acknowledgedCount()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        }
    }
}
