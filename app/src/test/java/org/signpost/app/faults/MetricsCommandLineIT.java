package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `./signpost metrics` with the service down, as an analyst redirects it into a file: standard
 * output holds the figures alone (jq and a CSV reader take it), the embedded PostgreSQL's and
 * every other log line go to standard error or nowhere, and a mistake is one line there.
 */
class MetricsCommandLineIT {

    private record Run(int exit, String out, String err) {
    }

    @Test
    void withTheServiceDownStandardOutputHoldsTheFiguresAlone() throws Exception {
        Path data = Path.of("target", "it-postgres", "metrics-" + UUID.randomUUID()).toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.allInOne(data)) {
            service.start();
            service.terminate(Duration.ofSeconds(60));
        }
        String from = LocalDate.now().minusYears(1).toString();
        String to = LocalDate.now().toString();

        Run json = metrics(data, "--from", from, "--to", to);
        assertThat(json.exit()).as(json.err()).isZero();
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        assertThat(strict.readTree(json.out()).has("referralRate")).as(json.out()).isTrue();

        Run csv = metrics(data, "--from", from, "--to", to, "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).as(line).hasSize(5));
        assertThat(json.err() + csv.err()).doesNotContain("DEBUG", "INFO");

        Run badFrom = metrics(data, "--from", "2025-02-30", "--to", to);
        assertThat(badFrom.exit()).isNotZero();
        assertThat(badFrom.out()).isEmpty();
        assertThat(badFrom.err().lines()).as(badFrom.err()).singleElement().satisfies(line -> assertThat(line)
                .contains("--from", "'2025-02-30' is not a date").doesNotContain("Exception"));
    }

    private static Run metrics(Path data, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServiceProcess.jar("signpost.jar").toString(), "metrics"));
        command.addAll(List.of(options));
        command.addAll(List.of("--data-directory", data.toString(), "--home", ServiceProcess.home(data).toString()));
        Path out = Files.createTempFile("metrics", ".out");
        Path err = Files.createTempFile("metrics", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("SIGNPOST_DB_URL");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("signpost metrics still running after 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
