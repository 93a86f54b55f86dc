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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The staff console's two busiest pages on the benchmark's store, in the service's own time
 * (Tomcat's access log, as for the caseload): a link worker's caseload page (a manager looking at
 * {@code /caseloads/lw-N}: the same page as the link worker's own) and a participant's page with
 * about 60 events in its timeline. Each page is the console's HTTP calls to the API (a token
 * check, the queries, the read log) and the rendering; the API's own lines in the log are not
 * counted twice. Then its heaviest page, the analyst's Evaluation page for a whole year (issue
 * 21), live on an unchanged store, live with the store changed before each page, and as of a past
 * instant, fewer times (options {@code --evaluation-warmup 20}, {@code --evaluation-pages 100},
 * {@code --changed-warmup 3}, {@code --changed-pages 20}, {@code --as-of-warmup 3},
 * {@code --as-of-pages 10}).
 */
final class ConsolePages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP = 500;
    private static final int MEASURED = 2_000;
    private static final int EXTRA_EVENTS = 50;
    /** The Evaluation page's period: the whole year 2024 of the store's history (referrals received 2023 to 2024). */
    private static final LocalDate YEAR_FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate YEAR_TO = LocalDate.of(2024, 12, 31);
    /** The zone of the Evaluation form's "as of" date and time (the console's BusinessDay.LONDON). */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** An API answer the Evaluation page carries for its charts: {@code <script type="application/json" id=...>}. */
    private static final Pattern ISLAND = Pattern.compile(
            "<script type=\"application/json\" id=\"([a-z-]+)\"[^>]*>(.*?)</script>", Pattern.DOTALL);

    private final int port;
    private final String password;
    private final HttpClient client;
    /** The participant given contacts: one more before each page that must find the store changed. */
    private String participantId;

    ConsolePages(int port, String password) {
        this.port = port;
        this.password = password;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in as the manager through the sign-in form, then measures the pages; prints a line each. */
    void measure(int linkWorkers, ServiceTimes times, Options options) throws Exception {
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
        this.participantId = participantId;
        mark = times.mark();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            expectOk("/participants/" + participantId);
        }
        Histogram participant = times.since(mark, WARMUP, "GET /participants/");
        System.out.println("Console: a participant's page with " + timelineLength(participantId) + " entries: "
                + ReadSide.percentilesOf(participant) + " (the service's own time, " + MEASURED + " pages after "
                + WARMUP + ")");

        evaluation(times, options);
    }

    /**
     * The Evaluation page for the year (a manager may see it, as an analyst may), live, then as
     * of the instant this pass began: the whole store folded afresh from the event table (the
     * bulk history is recorded an hour before it was written), so its figures must be the live
     * ones. Each page as of an instant asks for a second earlier than the page before: the
     * service keeps the facts of the last instant it folded for the next question about it
     * (AsOfFacts), so the page's second call reuses its first's, and each page folds the store
     * once. Its service time is the page's; its two API calls (the evaluation, the months) are
     * given apart as well.
     */
    private void evaluation(ServiceTimes times, Options options) throws Exception {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        JsonNode live = evaluationPages("the Evaluation page for " + YEAR_FROM + " to " + YEAR_TO + ", live",
                page -> evaluationPath(null), options.integer("evaluation-warmup", 20),
                options.integer("evaluation-pages", 100), times, Change.NONE);
        // The pages above after the first find the store as it was and reuse the facts read
        // then (LiveFacts); these find it changed, as on a day of work: by an event that brings
        // no fact of the metrics (a contact), then by one that does (a session).
        evaluationPages("the same page live, the store changed before each page (a contact recorded and applied)",
                page -> evaluationPath(null), options.integer("changed-warmup", 3), options.integer("changed-pages", 20),
                times, Change.CONTACT);
        evaluationPages("the same page live, the store changed before each page (a session recorded and applied)",
                page -> evaluationPath(null), options.integer("changed-warmup", 3), options.integer("changed-pages", 20),
                times, Change.SESSION);
        int asOfPages = options.integer("as-of-warmup", 3) + options.integer("as-of-pages", 10);
        JsonNode past = evaluationPages("the same page as of " + asOf + ", the start of this pass (a second earlier"
                        + " for each page)", page -> evaluationPath(asOf.minusSeconds(page)),
                options.integer("as-of-warmup", 3), options.integer("as-of-pages", 10), times, Change.NONE);
        // Said, not thrown: the figures above and the run's summary are still wanted.
        Instant lastAsked = asOf.minusSeconds(asOfPages - 1);
        if (!lastAsked.toString().equals(past.path("asOf").asText())) {
            System.out.println("  WARNING: the page as of " + lastAsked + " showed the figures as of "
                    + past.path("asOf"));
        }
        if (!figures(live).equals(figures(past))) {
            System.out.println("  WARNING: as of the start of the pass " + figures(past) + ", live " + figures(live));
        }
    }

    /** The page's address as its form makes it: each date in three boxes, the instant as a UK date and time. */
    private static String evaluationPath(Instant asOf) {
        String path = "/evaluation?" + dateBoxes("from", YEAR_FROM) + "&" + dateBoxes("to", YEAR_TO);
        if (asOf == null) {
            return path;
        }
        ZonedDateTime uk = asOf.atZone(LONDON);
        return path + "&" + dateBoxes("asOfDate", uk.toLocalDate()) + "&asOfTime="
                + URLEncoder.encode(uk.toLocalTime().toString(), StandardCharsets.UTF_8);
    }

    private static String dateBoxes(String name, LocalDate date) {
        return name + "-day=" + date.getDayOfMonth() + "&" + name + "-month=" + date.getMonthValue() + "&" + name
                + "-year=" + date.getYear();
    }

    /** Warm-up and measured requests of one Evaluation page; prints its times, returns the evaluation it showed. */
    private JsonNode evaluationPages(String what, IntFunction<String> path, int warmup, int measured,
                                     ServiceTimes times, Change change) throws Exception {
        long mark = times.mark();
        String page = null;
        for (int i = 0; i < warmup + measured; i++) {
            if (change != Change.NONE) {
                changeTheStore(change);
            }
            page = expectOk(path.apply(i));
        }
        // %U is the path without its query: "/evaluation " is the page, not its CSV download.
        // Tomcat logs a request once its response is sent: the last line may come just after the
        // client has read the page.
        Histogram service = times.since(mark, warmup, "GET /evaluation ");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (service.getTotalCount() < measured && System.nanoTime() < deadline) {
            Thread.sleep(50);
            service = times.since(mark, warmup, "GET /evaluation ");
        }
        if (service.getTotalCount() != measured) {
            throw new IllegalStateException(service.getTotalCount() + " pages in the access log, not " + measured);
        }
        JsonNode evaluation = island(page, "evaluation-a");
        island(page, "months-a");
        System.out.println("Console: " + what + " (" + figures(evaluation) + "): " + ReadSide.percentilesOf(service)
                + " (the service's own time, " + measured + " pages after " + warmup + ")");
        System.out.println("  of which GET /api/metrics/evaluation: "
                + ReadSide.percentilesOf(times.since(mark, warmup, "GET /api/metrics/evaluation ")));
        System.out.println("  and GET /api/metrics/referral-rate?groupBy=month: "
                + ReadSide.percentilesOf(times.since(mark, warmup, "GET /api/metrics/referral-rate ")));
        return evaluation;
    }

    /** The figures a line names, to tell that the page counted the store. */
    private static String figures(JsonNode evaluation) {
        return "%,d referrals received, %,d people seen".formatted(evaluation.path("referralsReceived").path("total")
                .asInt(), evaluation.path("peopleSeen").asInt());
    }

    /** The API's answer the page carries under this id; an error if the page has none (it showed no figures). */
    private static JsonNode island(String page, String id) throws IOException {
        Matcher island = ISLAND.matcher(page);
        while (island.find()) {
            if (island.group(1).equals(id)) {
                return JSON.readTree(island.group(2));
            }
        }
        throw new IllegalStateException("The Evaluation page has no " + id + ": no figures");
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
        String basic = basic();
        JsonNode caseload = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/caseloads/" + BulkHistory.linkWorker(0)))
                .header("Authorization", basic).GET()).body());
        String participantId = caseload.path(0).path("participantId").asText();
        for (int i = 0; i < EXTRA_EVENTS; i++) {
            recordContact(participantId);
        }
        // The page shows what its read model has: wait until the last contact is in the timeline.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (timelineLength(participantId) < EXTRA_EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return participantId;
    }

    /** What is recorded before each page of a pass: nothing, a contact (no fact of the metrics) or a session (one). */
    private enum Change {
        NONE, CONTACT, SESSION
    }

    /** One contact or session more for the participant, once the evaluation's read model has applied it. */
    private void changeTheStore(Change change) throws Exception {
        if (change == Change.SESSION) {
            recordSession(participantId);
        } else {
            recordContact(participantId);
        }
        String basic = basic();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode projections = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/projections"))
                    .header("Authorization", basic).GET()).body());
            for (JsonNode projection : projections) {
                if (projection.path("name").asText().equals("evaluation-metrics")
                        && projection.path("position").asLong() >= projection.path("headPosition").asLong()) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The evaluation's read model did not apply the change within a minute");
    }

    /** A session with the participant today, recorded through the API as the manager. */
    private void recordSession(String participant) throws Exception {
        String session = """
                {"sessionId":"%s","heldOn":"%s","durationMinutes":40,"location":"SCHOOL",
                 "accompaniedBy":"NONE","walkMinutesFromHome":12,"techniques":["COM_B"]}"""
                .formatted(UUID.randomUUID(), LocalDate.now());
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(uri("/api/participants/" + participant + "/sessions"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(session)));
        if (recorded.statusCode() != 201) {
            throw new IllegalStateException("A session was refused: " + recorded.statusCode() + " " + recorded.body());
        }
    }

    /** A phone call to the participant, recorded through the API as the manager. */
    private void recordContact(String participant) throws Exception {
        String contact = "{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"contactedOn\":\"" + LocalDate.now() + "\"}";
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(uri("/api/participants/" + participant + "/contacts"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact)));
        if (recorded.statusCode() != 201) {
            throw new IllegalStateException("A contact was refused: " + recorded.statusCode() + " " + recorded.body());
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("manager:" + password).getBytes(StandardCharsets.UTF_8));
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
        // Long enough for an Evaluation page as of an instant on a large store (its budget is 10 s).
        return client.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
