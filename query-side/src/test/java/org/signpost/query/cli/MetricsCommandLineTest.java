package org.signpost.query.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.signpost.query.metrics.MetricsQueries;
import org.signpost.query.metrics.Publication;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The analysts' command line gives the service's figures, from the event store alone. */
class MetricsCommandLineTest extends QuerySideTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Autowired
    DataSource dataSource;

    @Autowired
    MetricsQueries metrics;

    @Test
    void recomputesTheEvaluationAsOfAnInstantExactlyAsTheServiceDoes() throws Exception {
        append(new HistoryGenerator(31L, LocalDate.of(2023, 1, 1), 300).histories(50));
        Thread.sleep(5);
        Instant asOf = Instant.now();
        Run run = withProgressBar("--from", "2023-01-01", "--to", "2023-12-31", "--as-of", asOf.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                metrics.evaluation(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), asOf));
        assertThat(run.out().strip()).isEqualTo(expected.strip());
        assertThat(run.err()).contains("Reading events");
        assertThat(run.err()).as("the bar ends at what it read").containsPattern("(\\d+)/\\1 events");
    }

    @Test
    void withoutATerminalTheFiguresAloneAreWrittenAndNothingElse() throws Exception {
        Run json = run("--from", "2023-01-01", "--to", "2023-12-31");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).isObject()).isTrue();
        assertThat(json.err()).isEmpty();
        Run csv = run("--from", "2023-01-01", "--to", "2023-12-31", "--format", "csv");
        assertThat(csv.err()).isEmpty();
        assertThat(csv.out().lines()).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(5));
    }

    @Test
    void eachMistakeIsOneLineOnStandardErrorAndANonZeroExit() {
        assertOneLine(run("--from", "2023-13-01", "--to", "2023-12-31"), "--from", "'2023-13-01' is not a date");
        assertOneLine(run("--from", "yesterday", "--to", "2023-12-31"), "--from", "YYYY-MM-DD");
        assertOneLine(run("--from", "2023-01-01", "--to", "31/12/2023"), "--to", "is not a date");
        assertOneLine(run("--from", "2023-01-01", "--to", "2023-12-31", "--as-of", "2023-12-31"), "--as-of",
                "is not an instant");
        assertOneLine(run("--from", "2023-01-01", "--to", "2023-12-31", "--format", "xml"), "--format", "'xml'");
        assertOneLine(run("--to", "2023-12-31"), "--from");
        assertOneLine(run("--from", "2023-01-01", "--to", "2023-12-31", "--bogus"), "--bogus");
    }

    @Test
    void aRefusedDatabaseOrAUrlWithoutJdbcIsOneLineNamingTheSetting() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Run refused = runOn("jdbc:postgresql://127.0.0.1:" + port + "/signpost", "--from", "2023-01-01", "--to", "2023-12-31");
        assertOneLine(refused, "SIGNPOST_DB_URL", "127.0.0.1:" + port);
        Run noJdbc = runOn("postgres://127.0.0.1:" + port + "/signpost", "--from", "2023-01-01", "--to", "2023-12-31");
        assertOneLine(noJdbc, "SIGNPOST_DB_URL", "jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void rotateMasterKeySaysARefusedDatabaseInOneLine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RotateMasterKeyCommandLine.run(new String[] {"--db-url", "jdbc:postgresql://127.0.0.1:" + port + "/x",
                "--key-file", "/nowhere/master-key"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertOneLine(new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)),
                "signpost rotate-master-key: SIGNPOST_DB_URL: no PostgreSQL answers at 127.0.0.1:" + port);
    }

    private static void assertOneLine(Run run, String... said) {
        assertThat(run.exit()).as(run.err()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(said).doesNotContain("Exception", "Usage");
    }

    @Test
    void writesCsvOneMetricARow() {
        Run run = run("--from", "2023-01-01", "--to", "2023-06-30", "--format", "csv");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("referralRate,"));
        assertThat(lines.get(1)).contains(",2023-01-01,2023-06-30,");
    }

    @Test
    void publishesWhatTheServicePublishesForThePeriodAsOfAnInstant() throws Exception {
        Instant asOf = Instant.now().minusMillis(1);
        Run run = run("--from", "2023-01-01", "--to", "2023-12-31", "--as-of", asOf.toString(), "--publication");

        assertThat(run.exit()).as(run.err()).isZero();
        String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Publication.of(
                metrics.evaluation(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), asOf), 5).json());
        assertThat(run.out().strip()).isEqualTo(expected.strip());
        assertThat(run.out()).contains("\"suppressBelow\" : 5", "\"reason\" : \"ONE_PERSON\"");
    }

    @Test
    void publishesCsvWithTheThresholdGivenOrSIGNPOST_SUPPRESS_BELOW() {
        Run run = run("--from", "2023-01-01", "--to", "2023-06-30", "--format", "csv", "--publication",
                "--suppress-below", "3");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf,suppressBelow,suppressed");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("ageAtReferral\\.max,,2023-01-01,2023-06-30,[^,]+,3,ONE_PERSON"));
        assertThat(run("--from", "2023-01-01", "--to", "2023-06-30", "--publication", "--suppress-below", "0").exit())
                .isEqualTo(2);
        assertThat(run("--from", "2023-01-01", "--to", "2023-06-30", "--format", "csv").out())
                .startsWith("metric,value,from,to,asOf\r\n");
    }

    @Test
    void refusesAPeriodThatEndsBeforeItBeginsAndAFutureAsOf() {
        assertThat(run("--from", "2023-02-01", "--to", "2023-01-01").exit()).isEqualTo(2);
        assertThat(run("--from", "2023-01-01", "--to", "2023-02-01", "--as-of", "2999-01-01T00:00:00Z").exit())
                .isEqualTo(2);
        assertThat(run("--from", "2023-01-01", "--to", "2023-02-01", "--format", "xml").exit()).isEqualTo(2);
        assertThat(run("--to", "2023-02-01").exit()).isEqualTo(2);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... options) {
        return execute(false, ((HikariDataSource) dataSource).getJdbcUrl(), options);
    }

    private Run withProgressBar(String... options) {
        return execute(true, ((HikariDataSource) dataSource).getJdbcUrl(), options);
    }

    private Run runOn(String url, String... options) {
        return execute(false, url, options);
    }

    private Run execute(boolean progressBar, String url, String... options) {
        HikariDataSource pool = (HikariDataSource) dataSource;
        String[] args = new String[options.length + 6];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "--db-url";
        args[options.length + 1] = url;
        args[options.length + 2] = "--db-user";
        args[options.length + 3] = pool.getUsername();
        args[options.length + 4] = "--db-password";
        args[options.length + 5] = pool.getPassword();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MetricsCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), progressBar);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
