package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as operators run it: logs as JSON when asked, and a SIGTERM under load
 * (what an orchestrator sends) ends it gracefully: commands in flight are answered, not failed,
 * and every acknowledged one is stored once.
 */
class OperationsIT {

    private static final Pattern PLAIN_LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+ +(INFO|WARN|ERROR|DEBUG) ");

    @Test
    void jsonLogsAndAGracefulShutdownUnderLoad() throws Exception {
        Path data = Path.of("target", "it-postgres", "operations-" + UUID.randomUUID()).toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.allInOne(data)) {
            service.start("--SIGNPOST_LOG_FORMAT=ecs");
            CommandLoad load = new CommandLoad(service.api(), 6);
            load.awaitMore(300, Duration.ofMinutes(5));

            int exit = service.terminate(Duration.ofSeconds(60));
            load.close();
            assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(load.serverErrorCount()).as("commands answered 5xx while shutting down").isZero();

            List<String> lines = Files.readAllLines(service.log());
            ObjectMapper json = new ObjectMapper();
            long jsonLines = 0;
            for (String line : lines) {
                assertThat(PLAIN_LOG_LINE.matcher(line).find()).as("a plain-text log line: " + line).isFalse();
                if (line.startsWith("{")) {
                    JsonNode entry = json.readTree(line);
                    assertThat(entry.has("@timestamp") && entry.has("message") && entry.path("log").has("level")).as(line).isTrue();
                    jsonLines++;
                }
            }
            assertThat(jsonLines).isGreaterThan(20);
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Graceful shutdown complete"));

            service.start();
            Convergence.assertStoredExactlyOnce(service.embeddedDatabase(), load.acknowledged());
            Convergence.assertReadModelsEqualAReplay(service.api(), data.resolveSibling(data.getFileName() + "-diff"));
        }
    }
}
