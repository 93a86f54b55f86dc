package org.signpost.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.signpost.app.SignpostApplication;
import org.signpost.benchmarks.baseline.BaselineService;
import org.signpost.benchmarks.floor.HttpFloorService;
import org.signpost.platform.Startup;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Commands per second over HTTP with N concurrent clients, against the whole service on a
 * fresh embedded PostgreSQL, next to the raw single-event insert rate of the same database
 * with the same number of clients, measured in the same run (before and after the HTTP load).
 *
 * <p>Each client plays a coordinator and a link worker: it records a referral, triages it,
 * assigns it, then records sessions and contacts for that participant, 20 per participant,
 * and starts over. Every command is a real HTTP request with Basic credentials.
 */
final class CommandThroughput {

    private static final String PASSWORD = "benchmark-password";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final Pattern ID = Pattern.compile("\"(?:referralId|participantId)\":\"([0-9a-f-]{36})\"");

    private CommandThroughput() {
    }

    static void run(Options options) throws Exception {
        Benchmarks.inWorkDirectory("signpost-bench", work -> run(options, work));
    }

    private static void run(Options options, Path work) throws Exception {
        int clients = options.integer("clients", 16);
        int seconds = options.integer("seconds", 30);
        int warmup = options.integer("warmup", 10);
        Startup.quietAndPrivate();
        Path users = work.resolve("users.yml");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);
        Files.writeString(users, """
                users:
                  - {username: coordinator, passwordHash: "%1$s", role: COORDINATOR}
                  - {username: manager, passwordHash: "%1$s", role: MANAGER}
                """.formatted(hash));

        boolean baseline = options.integer("baseline", 1) != 0;
        // The second service of a run finds the code both share (Tomcat, Spring MVC, Jackson, the
        // load generator) compiled already; --plain-first 1 swaps the order to see what that is worth.
        boolean plainFirst = baseline && options.integer("plain-first", 0) != 0;
        boolean virtualThreads = virtualThreadsRun(Boolean.parseBoolean(
                System.getProperty("spring.threads.virtual.enabled", "false")));
        Pass plain = plainFirst ? plainPass(work, virtualThreads, clients, warmup, seconds) : null;
        Pass signpost;
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(work.resolve("postgres"));
             ConfigurableApplicationContext service = new SpringApplicationBuilder(SignpostApplication.class)
                     .run(Stream.concat(database.serviceArguments().stream(), Stream.of(
                             "--server.port=0", "--signpost.users-file=" + users,
                             "--signpost.master-key=" + Benchmarks.freshMasterKey(),
                             "--signpost.integrity.key=" + Benchmarks.freshMasterKey(), "--signpost.home=" + work.resolve("home"),
                             "--logging.level.root=WARN")).toArray(String[]::new))) {
            if (virtualThreadsRun(service.getEnvironment().getProperty("spring.threads.virtual.enabled", Boolean.class,
                    false)) != virtualThreads) {
                throw new IllegalStateException("Signpost's request threads are not what the other services were given: "
                        + "set spring.threads.virtual.enabled as a system property (-D), not in the environment");
            }
            if (options.integer("processors", 1) == 0) {
                // A diagnosis, not a configuration to run: the commands with no read model taking
                // the cores' time beside them (the read models fall behind for the rest of the run).
                service.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
                System.out.println("Signpost's event processors stopped (--processors 0)");
            }
            signpost = pass("Signpost", service, database, clients, warmup, seconds);
        }
        if (baseline && !plainFirst) {
            plain = plainPass(work, virtualThreads, clients, warmup, seconds);
        }
        // The floor: the same clients against a service that only reads and validates their
        // requests. Its rate is the most any service on this stack could do on this machine.
        Result floor = null;
        if (options.integer("floor", 1) != 0) {
            try (ConfigurableApplicationContext service = HttpFloorService.start(virtualThreads)) {
                int port = ((WebServerApplicationContext) service).getWebServer().getPort();
                System.out.printf("HTTP floor: requests doing nothing, %d clients, %d s after %d s warm-up ...%n",
                        clients, seconds, warmup);
                floor = load(port, clients, warmup, seconds);
                System.out.printf("  %.0f requests/s, %d errors%n", floor.perSecond(), floor.errors());
            }
        }

        System.out.println();
        System.out.println("| service | clients | raw inserts/s (before, after) | HTTP commands/s | ratio | p50 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        signpost.printRow("Signpost", clients);
        if (plain != null) {
            plain.printRow("plain Axon", clients);
            System.out.printf("Signpost / plain Axon: %.2f%n", signpost.http().perSecond() / plain.http().perSecond());
        }
        if (floor != null) {
            // No database of its own: its ratio is to Signpost's raw rate, measured in the same run.
            System.out.printf("| HTTP floor (nothing done) | %d | - | %.0f | %.2f of Signpost's raw rate | %s |%n",
                    clients, floor.perSecond(), floor.perSecond() / signpost.raw(), floor.latencyAndErrors());
            System.out.printf("Signpost / HTTP floor: %.2f%n", signpost.http().perSecond() / floor.perSecond());
            if (plain != null) {
                System.out.printf("HTTP floor / plain Axon: %.2f%n", floor.perSecond() / plain.http().perSecond());
            }
        }
        System.out.println();
        System.out.println("| service | command | share | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        signpost.http().printCommands("Signpost");
        if (plain != null) {
            plain.http().printCommands("plain Axon");
        }
        if (floor != null) {
            floor.printCommands("HTTP floor");
        }
        System.out.printf("%d cores, Java %s, virtual threads %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), virtualThreads ? "on" : "off");
    }

    /** Spring Boot's setting as it takes effect: Java 17 has no virtual threads and ignores it. */
    private static boolean virtualThreadsRun(boolean enabled) {
        return enabled && Runtime.version().feature() >= 21;
    }

    /**
     * The plain Axon service's pass, in the same JVM as Signpost's, on a database of its own started
     * the same way, with the same threads (virtual or not) for its requests.
     */
    private static Pass plainPass(Path work, boolean virtualThreads, int clients, int warmup, int seconds)
            throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(work.resolve("baseline-postgres"));
             ConfigurableApplicationContext service = BaselineService.start(database, virtualThreads)) {
            return pass("Plain Axon baseline", service, database, clients, warmup, seconds);
        }
    }

    /**
     * One service's pass: the raw insert rate of its database, its HTTP commands, the raw rate again.
     * The raw inserts go through a pool of their own, one connection per client (the services' pools
     * differ: the baseline's has Hikari's default of ten).
     */
    private static Pass pass(String name, ConfigurableApplicationContext service, EmbeddedPostgresServer database,
                             int clients, int warmup, int seconds) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword(database.credentials().superuser());
        config.setMaximumPoolSize(clients);
        try (HikariDataSource raw = new HikariDataSource(config)) {
            return pass(name, service, raw, clients, warmup, seconds);
        }
    }

    private static Pass pass(String name, ConfigurableApplicationContext service, DataSource dataSource, int clients,
                             int warmup, int seconds) throws Exception {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();

        System.out.printf("%s: raw inserts, %d clients, %d s ...%n", name, clients, seconds);
        double rawBefore = RawInsertRate.measure(dataSource, clients, 3, seconds);
        System.out.printf("  %.0f transactions/s%n", rawBefore);

        System.out.printf("%s: HTTP commands, %d clients, %d s after %d s warm-up ...%n", name, clients, seconds, warmup);
        Result http = load(port, clients, warmup, seconds);
        System.out.printf("  %.0f commands/s, %d errors%n", http.perSecond(), http.errors());

        System.out.printf("%s: raw inserts again ...%n", name);
        double rawAfter = RawInsertRate.measure(dataSource, clients, 3, seconds);
        System.out.printf("  %.0f transactions/s%n", rawAfter);
        return new Pass(rawBefore, rawAfter, http);
    }

    record Pass(double rawBefore, double rawAfter, Result http) {

        double raw() {
            return (rawBefore + rawAfter) / 2;
        }

        void printRow(String name, int clients) {
            double raw = raw();
            System.out.printf("| %s | %d | %.0f (%.0f, %.0f) | %.0f | %.2f | %s |%n", name, clients, raw,
                    rawBefore, rawAfter, http.perSecond(), http.perSecond() / raw, http.latencyAndErrors());
        }
    }

    /** The longest latency the histograms hold, in microseconds: longer ones count as this. */
    private static final long LONGEST_MICROS = 60_000_000L;

    /** The commands of a client's loop, each timed apart as well: which of them make the tail. */
    private static final String[] COMMANDS = {"referral", "triage", "assignment", "session", "contact"};

    record Result(double perSecond, long errors, Histogram latency, Map<String, Histogram> byCommand) {

        void printCommands(String service) {
            byCommand.forEach((command, histogram) -> System.out.printf("| %s | %s | %.3f | %.1f | %.1f | %.1f |%n",
                    service, command, (double) histogram.getTotalCount() / latency.getTotalCount(),
                    histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0));
        }

        /** The table's last cells: p50, p99 and max in ms, and the errors. */
        String latencyAndErrors() {
            return "%.1f | %.1f | %.1f | %d".formatted(latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, errors);
        }
    }

    private static Result load(int port, int clients, int warmup, int seconds) throws Exception {
        String base = "http://127.0.0.1:" + port;
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        Histogram latency = new ConcurrentHistogram(LONGEST_MICROS, 3);
        Map<String, Histogram> byCommand = new LinkedHashMap<>();
        for (String command : COMMANDS) {
            byCommand.put(command, new ConcurrentHistogram(LONGEST_MICROS, 3));
        }
        double elapsed = MeasuredWindow.run(clients, warmup, seconds, (running, counting) -> {
            // One HttpClient per client: a shared one funnels every connection through one selector thread.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Client client = new Client(http, base, counting, done, errors, latency, byCommand);
            while (running.get()) {
                client.oneParticipant(running);
            }
        });
        return new Result(done.sum() / elapsed, errors.sum(), latency, byCommand);
    }

    /** One client's loop: a referral to an enrolled participant, then sessions and contacts. */
    private record Client(HttpClient http, String base, AtomicBoolean counting, LongAdder done, LongAdder errors,
                          Histogram latency, Map<String, Histogram> byCommand) {

        void oneParticipant(AtomicBoolean running) {
            String referral = post("referral", "coordinator", "/api/referrals", """
                    {"source":"SCHOOL","channel":"ELECTRONIC_FORM","receivedOn":"%s",
                     "youngPerson":{"firstName":"Bench","lastName":"Mark","dateOfBirth":"%s","postcode":"LS6 3QW"},
                     "reasons":["ANXIETY"],"needs":["ANXIETY"],"consentGivenBy":"YOUNG_PERSON",
                     "notes":"%s"}""".formatted(TODAY.minusDays(100), TODAY.minusYears(14), "x".repeat(200)));
            String referralId = id(referral);
            if (referralId == null) {
                return;
            }
            post("triage", "coordinator", "/api/referrals/" + referralId + "/triage",
                    "{\"outcome\":\"ACCEPTED\",\"triagedOn\":\"" + TODAY.minusDays(99) + "\"}");
            String participantId = id(post("assignment", "coordinator", "/api/referrals/" + referralId + "/assignment",
                    "{\"linkWorkerId\":\"lw-1\",\"assignedOn\":\"" + TODAY.minusDays(98) + "\"}"));
            if (participantId == null) {
                return;
            }
            for (int i = 0; i < 20 && running.get(); i++) {
                if (i % 2 == 0) {
                    post("session", "manager", "/api/participants/" + participantId + "/sessions", """
                            {"sessionId":"%s","heldOn":"%s","durationMinutes":40,"location":"SCHOOL",
                             "accompaniedBy":"NONE","walkMinutesFromHome":12,"techniques":["COM_B"]}"""
                            .formatted(UUID.randomUUID(), TODAY.minusDays(90 - i)));
                } else {
                    post("contact", "manager", "/api/participants/" + participantId + "/contacts",
                            "{\"channel\":\"TEXT\",\"direction\":\"OUTBOUND\",\"contactedOn\":\"" + TODAY.minusDays(90 - i) + "\"}");
                }
            }
        }

        String post(String command, String user, String path, String body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long micros = Math.min((System.nanoTime() - start) / 1000, LONGEST_MICROS);
                boolean ok = response.statusCode() / 100 == 2;
                if (counting.get()) {
                    if (ok) {
                        done.increment();
                        latency.recordValue(micros);
                        byCommand.get(command).recordValue(micros);
                    } else {
                        errors.increment();
                    }
                }
                if (!ok && errors.sum() < 5) {
                    System.err.println(response.statusCode() + " " + path + " " + response.body());
                }
                return ok ? response.body() : null;
            } catch (Exception e) {
                errors.increment();
                return null;
            }
        }

        static String id(String body) {
            if (body == null) {
                return null;
            }
            Matcher matcher = ID.matcher(body);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
