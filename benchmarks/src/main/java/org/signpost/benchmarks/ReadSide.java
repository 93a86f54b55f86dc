package org.signpost.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.signpost.app.SignpostApplication;
import org.signpost.platform.Startup;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.projection.ProjectionAdmin;
import org.signpost.query.metrics.MetricsQueries;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The read side on a large store: builds ~10 events per referral straight into the event table,
 * then measures (1) a raw JDBC scan of the event table, (2) the first build of all four read
 * models from the first event, (3) an explicit replay of all four (new generations while the
 * old ones answer), twice, (4) the evaluation "as of" now, as the service answers it with its
 * read models built (from the live facts recorded up to the instant; {@code as-of} also times
 * the fold of the whole store), and
 * (5) the latency of a link worker's caseload over HTTP.
 */
final class ReadSide {

    static final String PASSWORD = "benchmark-password";

    private ReadSide() {
    }

    static void run(Options options) throws Exception {
        Benchmarks.inWorkDirectory("signpost-read-bench", work -> run(options, work));
    }

    private static void run(Options options, Path work) throws Exception {
        int referrals = options.integer("referrals", 100_000);
        int linkWorkers = options.integer("link-workers", 1_000);
        Startup.quietAndPrivate();
        Path users = work.resolve("users.yml");
        Files.writeString(users, "users:\n  - {username: manager, passwordHash: \"{bcrypt}"
                + new BCryptPasswordEncoder(10).encode(PASSWORD) + "\", role: MANAGER}\n");
        ServiceTimes serviceTimes = new ServiceTimes(Files.createDirectories(work.resolve("access-log")));
        Path data = work.resolve("postgres");
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(data, 0,
                // Configured as the service configures its embedded PostgreSQL.
                EmbeddedPostgresServer.DEFAULT_SHARED_BUFFERS, EmbeddedPostgresServer.credentialsBeside(data))) {
            String[] args = Stream.concat(Stream.concat(database.serviceArguments().stream(), Stream.of(
                    "--server.port=0", "--signpost.users-file=" + users,
                    "--signpost.master-key=" + Benchmarks.freshMasterKey(), "--logging.level.root=WARN",
                    "--signpost.integrity.key=" + Benchmarks.freshMasterKey(), "--signpost.home=" + work.resolve("home"),
                    "--logging.level.org.signpost.projection.ReplayEngine=INFO")),
                    Stream.concat(serviceTimes.serviceArguments().stream(), buildByScanLag(options))).toArray(String[]::new);
            long events;
            // The schema comes from the service's own migrations.
            try (ConfigurableApplicationContext schema = new SpringApplicationBuilder(SignpostApplication.class).run(args)) {
                DataSource dataSource = schema.getBean(DataSource.class);
                // Its processors would apply the events while they are written: the service
                // started next is to find its read models empty, as a new query side on a full
                // store does.
                schema.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
                long start = System.nanoTime();
                events = new BulkHistory(linkWorkers, schema.getBean("eventSerializer",
                        Serializer.class), schema.getBean(ChainKey.class)).write(dataSource, referrals);
                System.out.printf("Wrote %,d events of %,d referrals in %.1f s%n", events, referrals, seconds(start));
            }
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SignpostApplication.class).run(args)) {
                long start = System.nanoTime();
                ProjectionAdmin admin = service.getBean(ProjectionAdmin.class);
                awaitAll(admin);
                double build = seconds(start);
                System.out.printf("First build of the 4 read models: %.1f s, %,.0f events/s per read model%n",
                        build, events / build);

                double scan = rawScan(service.getBean(DataSource.class));
                System.out.printf("Raw JDBC scan of the event table: %,.0f events/s%n", events / scan);

                double replay = replay(admin, events, "Replay of the 4 read models");
                // The events were written behind the service's back, so the first build went
                // through the replay's scan (FarBehindReadModels): it is the figure of a scan in
                // a process whose JIT has not compiled that code yet. The replays after it run
                // compiled code; a second one shows whether the first still paid for compiling.
                double again = replay(admin, events, "Replay of the 4 read models again");

                MetricsQueries metrics = service.getBean(MetricsQueries.class);
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    start = System.nanoTime();
                    metrics.evaluation(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Instant.now());
                    best = Math.min(best, seconds(start));
                }
                System.out.printf("Evaluation as of now over %,d events: best of 3 %.2f s%n", events, best);

                int port = ((WebServerApplicationContext) service).getWebServer().getPort();
                long mark = serviceTimes.mark();
                CaseloadLatency.Measured inJvm = CaseloadLatency.measure(port, linkWorkers, CaseloadLatency.WARMUP, CaseloadLatency.MEASURED);
                Histogram latency = inJvm.latency();
                Histogram inJvmService = serviceTimes.caseloadsSince(mark, inJvm.warmedUp());
                System.out.printf("Caseload of a link worker over HTTP (%,d participants, %d link workers): %s%n",
                        referrals, linkWorkers, CaseloadLatency.percentiles(latency) + CaseloadLatency.afterWarmUp(inJvm.warmedUp()));
                System.out.println("  the service's own time of the same requests: " + CaseloadLatency.percentiles(inJvmService));
                // The same requests from a client in a JVM of its own, as every real client is: the
                // client above shares the service's heap, collections, JIT and cores' scheduling.
                mark = serviceTimes.mark();
                String separate = CaseloadLatency.fromAnotherJvm(port, linkWorkers);
                Histogram separateService = serviceTimes.caseloadsSince(mark, CaseloadLatency.warmedUp(separate));
                System.out.println(separate + " (client in a JVM of its own)");
                System.out.println("  the service's own time of the same requests: " + CaseloadLatency.percentiles(separateService));
                // A table just filled by COPY is vacuumed by autovacuum soon after (its insert
                // threshold): a while of reading every rebuilt page again, beside the answers. The
                // same client once that is over, as the service answers most of the time.
                start = System.nanoTime();
                boolean vacuumed = awaitAutovacuum(service.getBean(DataSource.class), 180);
                System.out.printf("Autovacuum of the rebuilt tables: %s after %.1f s%n",
                        vacuumed ? "over" : "still not over", seconds(start));
                mark = serviceTimes.mark();
                String settled = CaseloadLatency.fromAnotherJvm(port, linkWorkers);
                Histogram settledService = serviceTimes.caseloadsSince(mark, CaseloadLatency.warmedUp(settled));
                System.out.println(settled + " (client in a JVM of its own, after autovacuum)");
                System.out.println("  the service's own time of the same requests: " + CaseloadLatency.percentiles(settledService));
                new ConsolePages(port, PASSWORD).measure(linkWorkers, serviceTimes, options);
                System.out.println();
                System.out.println("| events | raw scan events/s | first build s (events/s per model) | replay s (events/s per model), first and second | as-of s | caseload p50 / p99 ms: service's JVM, own JVM, own JVM after autovacuum | the service's own time p50 / p99 ms, same three |");
                System.out.println("|---|---|---|---|---|---|---|");
                System.out.printf("| %,d | %,.0f | %.1f (%,.0f) | %.1f (%,.0f); %.1f (%,.0f) | %.2f | %s; %s; %s | %s; %s; %s |%n", events,
                        events / scan, build, events / build, replay, events / replay, again, events / again, best, p50AndP99(latency),
                        p50AndP99(separate), p50AndP99(settled), p50AndP99(inJvmService), p50AndP99(separateService),
                        p50AndP99(settledService));
                holdForInspection(options, port, database, serviceTimes);
            }
        }
    }

    /**
     * With {@code --hold-minutes N} the service and its database stay up that long after the
     * measurements, to look into them (psql, EXPLAIN, a profiler) on the same large store.
     */
    private static void holdForInspection(Options options, int port, EmbeddedPostgresServer database,
                                          ServiceTimes serviceTimes) throws InterruptedException {
        int minutes = options.integer("hold-minutes", 0);
        if (minutes > 0) {
            System.out.printf("Holding for %d min: service http://127.0.0.1:%d (manager / %s), database %s "
                    + "(user %s, password %s), access log in %s%n", minutes, port, PASSWORD, database.jdbcUrl(),
                    DatabaseRoles.SERVICE, database.credentials().service(), serviceTimes.directory());
            Thread.sleep(minutes * 60_000L);
        }
    }

    private static String p50AndP99(Histogram latency) {
        return "%.2f / %.2f".formatted(latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0);
    }

    /** "p50 / p99" out of a line of {@link CaseloadLatency#percentiles} (a separate client's). */
    private static String p50AndP99(String line) {
        Matcher p50 = Pattern.compile("p50 ([0-9.]+) ms").matcher(line);
        Matcher p99 = Pattern.compile("p99 ([0-9.]+) ms").matcher(line);
        return p50.find() && p99.find() ? p50.group(1) + " / " + p99.group(1) : line;
    }

    /**
     * Waits until no read-model partition is due for autovacuum's insert-triggered vacuum (its
     * rows added since its last vacuum over PostgreSQL's threshold) and no autovacuum worker is
     * running; false if that takes longer than this many seconds.
     */
    private static boolean awaitAutovacuum(DataSource dataSource, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement due = connection.prepareStatement("""
                     SELECT (SELECT count(*) FROM pg_stat_user_tables
                             WHERE relname ~ '_g[0-9]+$'
                               AND n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::int
                                   + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * n_live_tup)
                          + (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')""")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = due.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return true;
                    }
                }
                Thread.sleep(500);
            }
        }
        return false;
    }

    /**
     * {@code --build-by-scan-lag N}: the service's own setting unless given; a lag larger than
     * the store has the first build made by the processors, event by event, to compare.
     */
    private static Stream<String> buildByScanLag(Options options) {
        int lag = options.integer("build-by-scan-lag", -1);
        return lag < 0 ? Stream.empty() : Stream.of("--signpost.projections.build-by-scan-lag=" + lag);
    }

    /** One replay of all four, and the wait for the deletion of the generations it replaced. */
    private static double replay(ProjectionAdmin admin, long events, String what) throws InterruptedException {
        long start = System.nanoTime();
        admin.replay(admin.names());
        awaitAll(admin);
        double replay = seconds(start);
        System.out.printf("%s: %.1f s, %,.0f events/s per read model%n", what, replay, events / replay);
        // The replaced generations are deleted after the replay; what is measured next is not to
        // compete with that clean-up.
        start = System.nanoTime();
        while (!admin.replaysIdle()) {
            Thread.sleep(100);
        }
        System.out.printf("Deletion of the replaced generations: %.1f s more%n", seconds(start));
        return replay;
    }

    private static void awaitAll(ProjectionAdmin admin) throws InterruptedException {
        while (true) {
            long head = admin.head();
            boolean done = true;
            for (String name : admin.names()) {
                done &= admin.position(name) >= head && !admin.replaying(name);
            }
            if (done) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static double rawScan(DataSource dataSource) throws Exception {
        long start = System.nanoTime();
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload, meta_data, time_stamp "
                            + "FROM domain_event_entry ORDER BY global_index")) {
                statement.setFetchSize(2_000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        bytes += rs.getBytes(5).length + rs.getBytes(6).length + rs.getString(2).length();
                    }
                }
            }
            connection.commit();
        }
        if (bytes == 0) {
            throw new IllegalStateException("empty store");
        }
        return seconds(start);
    }

    /** p50, p95 (the console's pages' budget), p99 and max. */
    static String percentilesOf(Histogram latency) {
        return "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(95) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
