package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A second start on the data directory of a running service (a forgotten terminal) is refused in
 * one line that names the running process and the setting for another directory, and the first
 * service keeps serving: its PostgreSQL is not taken for an orphan.
 */
class SecondStartIT {

    @Test
    void aSecondServiceOnARunningServicesDataDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        Path data = Path.of("target", "it-postgres", UUID.randomUUID().toString()).toAbsolutePath();
        Path secondLog = data.resolveSibling(data.getFileName() + "-second.log");
        try (ServiceProcess first = ServiceProcess.allInOne(data);
             ServiceProcess second = ServiceProcess.allInOne(data, secondLog)) {
            first.start();

            int exit = second.startRefused(Duration.ofSeconds(240));

            List<String> output = Files.readAllLines(secondLog);
            assertThat(exit).as("exit code of the second start").isNotZero();
            assertThat(output).as("the second start's output").filteredOn(line -> line.contains(
                    "is in use by another Signpost process (pid " + first.pid() + ")")).singleElement()
                    .satisfies(line -> assertThat(line).contains(data.toString(), "SIGNPOST_DB_DATA_DIRECTORY"));
            assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("\tat "));
            assertThat(output).noneMatch(line -> line.contains("orphaned"));
            assertThat(first.api().anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(first.api().as("analyst").get("/api/projections").status()).isEqualTo(200);
        }
    }
}
