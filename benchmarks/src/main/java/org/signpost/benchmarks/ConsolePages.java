package org.signpost.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The staff console's two busiest pages on the benchmark's store, in the service's own time
 * (Tomcat's access log, as for the caseload): a link worker's caseload page (a manager looking at
 * {@code /caseloads/lw-N}: the same page as the link worker's own) and a participant's page with
 * about 60 events in its timeline. Each page is the console's HTTP calls to the API (a token
 * check, the queries, the read log) and the rendering; the API's own lines in the log are not
 * counted twice.
 */
final class ConsolePages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP = 500;
    private static final int MEASURED = 2_000;
    private static final int EXTRA_EVENTS = 50;

    private final int port;
    private final String password;
    private final HttpClient client;

    ConsolePages(int port, String password) {
        this.port = port;
        this.password = password;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in as the manager through the sign-in form, then measures both pages; prints a line each. */
    void measure(int linkWorkers, ServiceTimes times) throws Exception {
        signIn();
        Random random = new Random(7);
        long mark = times.mark();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            expectOk("/caseloads/" + BulkHistory.linkWorker(random.nextInt(linkWorkers)));
        }
        Histogram caseload = times.since(mark, WARMUP, "GET /caseloads/");
        System.out.println("Console: a link worker's caseload page: " + ReadSide.percentilesOf(caseload)
                + " (the service's own time, " + MEASURED + " pages after " + WARMUP + ")");

        String participantId = participantWithLongHistory();
        mark = times.mark();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            expectOk("/participants/" + participantId);
        }
        Histogram participant = times.since(mark, WARMUP, "GET /participants/");
        System.out.println("Console: a participant's page with " + timelineLength(participantId) + " entries: "
                + ReadSide.percentilesOf(participant) + " (the service's own time, " + MEASURED + " pages after "
                + WARMUP + ")");
    }

    private void signIn() throws Exception {
        String page = send(HttpRequest.newBuilder(uri("/sign-in")).GET()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "username=manager&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("The console's sign-in failed: " + signedIn.statusCode());
        }
    }

    /** The first participant of lw-0000, given 50 contacts more through the API (as the manager). */
    private String participantWithLongHistory() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("manager:" + password).getBytes(StandardCharsets.UTF_8));
        JsonNode caseload = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/caseloads/" + BulkHistory.linkWorker(0)))
                .header("Authorization", basic).GET()).body());
        String participantId = caseload.path(0).path("participantId").asText();
        for (int i = 0; i < EXTRA_EVENTS; i++) {
            String contact = "{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"contactedOn\":\"" + LocalDate.now() + "\"}";
            HttpResponse<String> recorded = send(HttpRequest.newBuilder(uri("/api/participants/" + participantId + "/contacts"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(contact)));
            if (recorded.statusCode() != 201) {
                throw new IllegalStateException("A contact was refused: " + recorded.statusCode() + " " + recorded.body());
            }
        }
        // The page shows what its read model has: wait until the last contact is in the timeline.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (timelineLength(participantId) < EXTRA_EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return participantId;
    }

    private int timelineLength(String participantId) throws Exception {
        String page = expectOk("/participants/" + participantId);
        return page.split("class=\"console-timeline__entry\"", -1).length - 1;
    }

    private String expectOk(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + page.statusCode());
        }
        return page.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
