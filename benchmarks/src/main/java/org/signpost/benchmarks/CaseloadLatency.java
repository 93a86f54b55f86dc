package org.signpost.benchmarks;

import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The caseload of a random link worker asked over HTTP, one request at a time, after a warm-up
 * that lasts while the client's JIT still compiles: the latency a link worker's landing page
 * sees, measured by {@code read-side} in its own JVM and from another, and by
 * {@code caseload-latency} against a held service.
 */
final class CaseloadLatency {

    private static final String PASSWORD = ReadSide.PASSWORD;

    private CaseloadLatency() {
    }

    /** How a line of figures says how many requests warmed up first; {@link #warmedUp} reads it back. */
    static String afterWarmUp(int requests) {
        return ", after %,d requests of warm-up".formatted(requests);
    }

    /** The warm-up requests a line of {@code caseload-latency} reports. */
    static int warmedUp(String line) {
        Matcher warmup = Pattern.compile("after ([0-9,]+) requests of warm-up").matcher(line);
        if (!warmup.find()) {
            throw new IllegalStateException("No warm-up in: " + line);
        }
        return Integer.parseInt(warmup.group(1).replace(",", ""));
    }

    /**
     * {@code caseload-latency --port N}: the same measurement against a service held by
     * {@code read-side --hold-minutes}, from a JVM of its own (the client does not share the
     * service's heap, JIT and collections), as often as wanted. {@code --warmup} and
     * {@code --requests} (1,000 and 2,000 by default, as in {@code read-side}) change how many
     * requests at least go before the measured ones (more while the client's JIT still compiles)
     * and how many are measured: a p99 of 2,000 varies by
     * about 1.5 ms between runs on this machine. With {@code --access-log DIR} (the held service's,
     * which it prints) the service's own time of the same requests is given too.
     */
    static void againstHeldService(Options options) throws Exception {
        int port = options.integer("port", 0);
        if (port == 0) {
            throw new IllegalArgumentException("--port of the held service is needed");
        }
        ServiceTimes serviceTimes = options.values().containsKey("access-log")
                ? new ServiceTimes(Path.of(options.values().get("access-log"))) : null;
        long mark = serviceTimes == null ? 0 : serviceTimes.mark();
        int warmup = options.integer("warmup", WARMUP);
        Measured measured = measure(port, options.integer("link-workers", 1_000), warmup,
                options.integer("requests", MEASURED));
        System.out.println("Caseload of a link worker over HTTP: " + percentiles(measured.latency())
                + afterWarmUp(measured.warmedUp()));
        if (serviceTimes != null) {
            System.out.println("  the service's own time of the same requests: "
                    + percentiles(serviceTimes.caseloadsSince(mark, measured.warmedUp())));
        }
    }

    static String percentiles(Histogram latency) {
        return "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
    }

    /** {@code caseload-latency} run by this jar in a child JVM; returns its line of figures. */
    static String fromAnotherJvm(int port, int linkWorkers) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process client = new ProcessBuilder(java, "-jar", System.getProperty("java.class.path"), "caseload-latency",
                "--port", Integer.toString(port), "--link-workers", Integer.toString(linkWorkers))
                .redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (client.waitFor() != 0) {
            throw new IllegalStateException("The separate client failed: " + output);
        }
        return output.lines().reduce((first, last) -> last).orElse(output);
    }

    /** Caseload requests before those measured, and those measured. */
    static final int WARMUP = 1_000;
    static final int MEASURED = 2_000;

    /**
     * One client, one request at a time over one kept-alive connection, sent and read on the
     * calling thread ({@link HttpURLConnection}): the time measured is the service's and the
     * network's, as little as possible the client's. (Until run 23 this was
     * {@code java.net.http.HttpClient}, whose hand-offs between the caller and its selector thread
     * added about 4 ms to the p99 of any request on this machine: the liveness endpoint had p99 6
     * to 8 ms with it, 2.5 ms with curl.)
     */
    static Measured measure(int port, int linkWorkers, int warmup, int measured) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("manager:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Random random = new Random(7);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int warmedUp = 0;
        // The warm-up goes on, in rounds, while this JVM's JIT still compiles: the first caseloads
        // of a fresh JVM ran beside C2 compiler threads busy 10 to 66 % of a core for half a
        // minute (run 37), a start-up cost, not the service's steady latency.
        boolean settled = false;
        while (warmedUp < warmup || !settled && warmedUp < MAX_WARMUP) {
            long compiledBefore = jit.getTotalCompilationTime();
            for (int i = 0; i < WARMUP_ROUND; i++) {
                caseload(port, linkWorkers, random, auth);
            }
            warmedUp += WARMUP_ROUND;
            settled = jit.getTotalCompilationTime() - compiledBefore < JIT_SETTLED_MILLIS;
        }
        Histogram histogram = new Histogram(10_000_000L, 3);
        for (int i = 0; i < measured; i++) {
            histogram.recordValue(caseload(port, linkWorkers, random, auth));
        }
        return new Measured(histogram, warmedUp);
    }

    /** Caseloads asked before those measured (at least the warm-up asked for), and the measured ones' latency. */
    record Measured(Histogram latency, int warmedUp) {
    }

    /** Warm-up rounds of this many requests, while the JIT compiles at most this many in all. */
    private static final int WARMUP_ROUND = 500;
    private static final int MAX_WARMUP = 20_000;
    /** JIT time in a warm-up round under which the JIT counts as done with the caseload's code. */
    private static final long JIT_SETTLED_MILLIS = 50;

    /** One caseload of a random link worker; its latency in microseconds. */
    private static long caseload(int port, int linkWorkers, Random random, String auth) throws Exception {
        URL url = URI.create("http://127.0.0.1:" + port + "/api/caseloads/"
                + BulkHistory.linkWorker(random.nextInt(linkWorkers))).toURL();
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestProperty("Authorization", auth);
        int status = connection.getResponseCode();
        byte[] body;
        // Read to the end and closed, so that the connection is kept for the next request.
        try (InputStream in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        long micros = (System.nanoTime() - start) / 1000;
        if (status != 200) {
            throw new IllegalStateException(status + " " + new String(body, StandardCharsets.UTF_8));
        }
        return micros;
    }
}
