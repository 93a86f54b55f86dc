package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * The analyst's Evaluation page over real HTTP: every figure on it is the API's for the same
 * period, instant and publication (each table cell is checked against GET /api/metrics/evaluation,
 * each month against the referral rate by month), "as of" leaves out what was recorded later, a
 * comparison shows both periods and the change, the CSV is the API's byte for byte, the charts'
 * data is the API's answer as it came; bad input is an error summary naming the field; only
 * analysts and managers see it. Its data is dated in 2017, which no other test uses.
 */
class ConsoleEvaluationHttpTest extends AllInOneTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MARCH = LocalDate.of(2017, 3, 1);
    static final LocalDate APRIL = LocalDate.of(2017, 4, 1);
    static final List<String> METRICS = List.of("referralsReceived", "reasonsForReferral", "triageOutcomes",
            "peopleSeen", "referredToVcse", "referralRate", "vcseUptake", "sessionsPerPerson", "sessionMinutes",
            "daysToFirstSession", "continuity", "walkingDistance", "ageAtReferral", "outcomeChange");
    /** The API's decimals as written (0.0001, 1.0), as the page shows them. */
    static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private static boolean made;

    /** Young people referred, seen, signposted and measured in March and April 2017, once for every test here. */
    static synchronized void march2017(Api api) {
        if (made) {
            return;
        }
        for (int person = 0; person < 7; person++) {
            LocalDate received = (person < 5 ? MARCH : APRIL).plusDays(person);
            seen(api, received, person % 3 == 0 ? "SCHOOL" : "GP", 13 + person % 4, person);
        }
        awaitProjections(api);
        // So that "a second ago" is after every event made here.
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        made = true;
    }

    /**
     * A young person referred on {@code received}, accepted, assigned to lw-1, seen {@code sessions % 4 + 1}
     * times (the last over 30 minutes' walk), signposted, measured at baseline and exit, and discharged.
     */
    static void seen(Api api, LocalDate received, String source, int age, int variant) {
        Api.Call manager = api.as("manager");
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", "Evalina");
        youngPerson.put("lastName", "Figurehead");
        youngPerson.put("dateOfBirth", received.minusYears(age).minusDays(3).toString());
        youngPerson.put("phone", "07700 900456");
        Response referral = manager.post("/api/referrals", Map.of("source", source, "channel", "EMAIL",
                "receivedOn", received.toString(), "youngPerson", youngPerson, "reasons", List.of("ANXIETY",
                        variant % 2 == 0 ? "LONELINESS" : "PHYSICAL_ACTIVITY"), "needs", List.of("ANXIETY"),
                "consentGivenBy", "YOUNG_PERSON"));
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        String referralId = referral.text("referralId");
        assertThat(manager.post("/api/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPTED",
                "triagedOn", received.plusDays(1).toString())).status()).isEqualTo(200);
        Response assigned = manager.post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", received.plusDays(2).toString()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        String participant = "/api/participants/" + assigned.text("participantId");
        await(() -> manager.get(participant).status() == 200);
        for (int session = 0; session <= variant % 4; session++) {
            Map<String, Object> held = new LinkedHashMap<>(Map.of("heldOn", received.plusDays(3 + 7 * session).toString(),
                    "durationMinutes", 30 + 5 * session, "location", "SCHOOL", "accompaniedBy", "NONE"));
            held.put("walkMinutesFromHome", session == variant % 4 ? 35 : 10);
            Response answer = manager.post(participant + "/sessions", held);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        assertThat(manager.post(participant + "/signposts", Map.of("signpostId", UUID.randomUUID().toString(),
                "organisation", "Scouts", "activity", "Camp", "category", "SOCIAL",
                "signpostedOn", received.plusDays(4).toString())).status()).isEqualTo(201);
        assertThat(manager.post(participant + "/measures", Map.of("instrument", "UCLA3", "timepoint", "BASELINE",
                "recordedOn", received.plusDays(3).toString(), "itemScores", List.of(3, 3, 2))).status()).isEqualTo(201);
        assertThat(manager.post(participant + "/measures", Map.of("instrument", "UCLA3", "timepoint", "EXIT",
                "recordedOn", received.plusDays(25).toString(), "itemScores", List.of(2, 1, 2))).status()).isEqualTo(201);
        assertThat(manager.post(participant + "/discharge", Map.of("reason", "COMPLETED",
                "dischargedOn", received.plusDays(26).toString())).status()).isEqualTo(200);
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }

    /** The form's fields for a period, as a browser sends them. */
    static String period(LocalDate from, LocalDate to) {
        return date("from", from) + "&" + date("to", to);
    }

    static String date(String name, LocalDate date) {
        return name + "-day=" + date.getDayOfMonth() + "&" + name + "-month=" + date.getMonthValue() + "&" + name
                + "-year=" + date.getYear();
    }

    /** An instant as the form takes it: a date and a time to the second, in UK time. */
    static String asOf(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, LONDON);
        return date("asOfDate", local.toLocalDate()) + "&asOfTime="
                + local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    static String apiQuery(LocalDate from, LocalDate to, Instant asOf, boolean publication) {
        return "from=" + from + "&to=" + to + (asOf == null ? "" : "&asOf=" + asOf) + (publication ? "&publication=true" : "");
    }

    private JsonNode apiJson(String path) {
        Response answer = api().as("analyst").get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try {
            return EXACT.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second ago, to the second, so that the form can say it exactly. */
    private static Instant aSecondAgo() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    }

    private static JsonNode at(JsonNode answer, String figure) {
        JsonNode node = answer;
        for (String key : figure.split("\\.")) {
            node = node.path(key);
        }
        return node;
    }

    /** Every figure of an answer (its leaves, by dotted path), but the period, instant and publication notice. */
    private static Set<String> figures(JsonNode node, String path, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!(path.isEmpty() && Set.of("from", "to", "asOf", "publication").contains(field.getKey()))) {
                    figures(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), into);
                }
            });
        } else {
            into.add(path);
        }
        return into;
    }

    private static Set<String> withheld(JsonNode answer) {
        Set<String> withheld = new HashSet<>();
        answer.path("publication").path("suppressed").forEach(figure -> withheld.add(figure.path("metric").asText()));
        return withheld;
    }

    /**
     * Each cell of an answer's period on the page says the API's figure: its value as the API wrote
     * it, "Withheld" for one its publication withheld, "None" for one that does not exist; and
     * every figure of the answer is on the page. Answers the number of cells checked.
     */
    private static int assertCellsAreTheApis(Page page, String answer, String period, JsonNode api, String under) {
        Set<String> withheld = withheld(api);
        Set<String> shown = new HashSet<>();
        for (Element cell : page.document().select("td[data-answer=" + answer + "][data-period=" + period + "]")) {
            String figure = cell.attr("data-figure");
            JsonNode value = at(api, figure);
            assertThat(value.isMissingNode()).as(figure + " is a figure of the API's answer").isFalse();
            if (value.isNull()) {
                assertThat(cell.text()).as(figure).startsWith(withheld.contains(figure) ? "Withheld" : "None");
            } else {
                assertThat(cell.text()).as(figure).isEqualTo(value.asText());
            }
            shown.add(figure);
        }
        Set<String> all = figures(api, "", new HashSet<>()).stream().filter(f -> f.startsWith(under))
                .collect(Collectors.toSet());
        assertThat(shown).as("every figure of the " + answer + " answer, period " + period).isEqualTo(all);
        return shown.size();
    }

    private PageClient signedIn(String user) {
        PageClient client = new PageClient(port);
        client.signIn(user, Api.PASSWORD);
        return client;
    }

    @Test
    void anAnalystLandsOnTheEvaluationPageWithEveryMetricAndItsDefinition() {
        PageClient client = new PageClient(port);
        Page landing = client.signIn("analyst", Api.PASSWORD);

        assertThat(landing.raw().uri().getPath()).isEqualTo("/evaluation");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.h1()).isEqualTo("Evaluation");
        assertThat(landing.document().select("header nav a[aria-current=page]").eachText()).containsExactly("Evaluation");
        assertThat(landing.document().select("section[data-metric]").eachAttr("data-metric"))
                .containsExactlyElementsOf(METRICS);
        for (Element section : landing.document().select("section[data-metric]")) {
            Element definition = section.selectFirst("details.nhsuk-details[data-testid=definition]");
            assertThat(definition).as(section.attr("data-metric")).isNotNull();
            assertThat(definition.selectFirst(".nhsuk-details__text").text()).as(section.attr("data-metric"))
                    .hasSizeGreaterThan(15);
            assertThat(section.select("table.nhsuk-table")).as(section.attr("data-metric")).isNotEmpty();
        }
        assertThat(landing.document().selectFirst("section[data-metric=peopleSeen] details").text())
                .contains("peopleSeen: distinct participants with at least one session held in the period");
        // The twelve calendar months up to today, this one included.
        LocalDate today = LocalDate.now(LONDON);
        assertThat(landing.document().select("dl[data-testid=periods] dd").first().text()).isEqualTo(
                words(today.minusMonths(11).withDayOfMonth(1)) + " to " + words(today));
        assertThat(landing.document().select("table[data-testid=months-a] tbody tr")).hasSize(12);
        assertThat(landing.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(landing.document().select("script:not([src])").eachAttr("type")).allMatch("application/json"::equals);
        assertThat(landing.document().select("[style]")).isEmpty();
    }

    private static String words(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "manager"})
    void theFiguresAreTheApisForTheSamePeriodLiveAndAsOfAnInstant(String user) {
        march2017(api());
        LocalDate to = MARCH.withDayOfMonth(31);
        PageClient client = signedIn(user);

        Page live = client.get("/evaluation?" + period(MARCH, to));
        assertThat(live.status()).isEqualTo(200);
        int cells = assertCellsAreTheApis(live, "evaluation", "a",
                apiJson("/api/metrics/evaluation?" + apiQuery(MARCH, to, null, false)), "");
        assertThat(cells).isGreaterThan(80);
        assertThat(at(apiJson("/api/metrics/evaluation?" + apiQuery(MARCH, to, null, false)), "peopleSeen").asInt())
                .isEqualTo(5);
        assertCellsAreTheApis(live, "referral-rate", "a", apiJson("/api/metrics/referral-rate?"
                + apiQuery(MARCH, to, null, false) + "&groupBy=month"), "groups.");

        Instant asOf = aSecondAgo();
        Page then = client.get("/evaluation?" + period(MARCH, APRIL.withDayOfMonth(30)) + "&" + asOf(asOf));
        assertThat(then.status()).isEqualTo(200);
        assertCellsAreTheApis(then, "evaluation", "a",
                apiJson("/api/metrics/evaluation?" + apiQuery(MARCH, APRIL.withDayOfMonth(30), asOf, false)), "");
        assertCellsAreTheApis(then, "referral-rate", "a", apiJson("/api/metrics/referral-rate?"
                + apiQuery(MARCH, APRIL.withDayOfMonth(30), asOf, false) + "&groupBy=month"), "groups.");
        assertThat(then.document().select("table[data-testid=months-a] tbody th").eachText())
                .containsExactly("March 2017", "April 2017");
        assertThat(then.document().selectFirst("[data-testid=as-of]").text()).contains(
                LocalDateTime.ofInstant(asOf, LONDON).format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        // None of the young people's names or contact details, though their referrals carry them.
        assertThat(live.text() + then.text()).doesNotContain("Evalina", "Figurehead", "07700");
    }

    @Test
    void aPublicationShowsWithheldFiguresAsWithheld() {
        march2017(api());
        LocalDate to = MARCH.withDayOfMonth(31);
        Page page = signedIn("analyst").get("/evaluation?" + period(MARCH, to) + "&publication=true");

        JsonNode published = apiJson("/api/metrics/evaluation?" + apiQuery(MARCH, to, null, true));
        assertCellsAreTheApis(page, "evaluation", "a", published, "");
        assertThat(withheld(published)).contains("sessionsPerPerson.max");
        assertThat(page.document().selectFirst("td[data-figure='sessionsPerPerson.max'][data-period=a]").text())
                .isEqualTo("Withheld (one person's value)");
        assertThat(page.document().select("td[data-period=a]").eachText()).filteredOn(t -> t.startsWith("Withheld"))
                .hasSize(withheld(published).size());
        assertThat(page.document().select("dl[data-testid=periods]").text()).contains("Fit to publish");
    }

    /** Made after an instant, a referral is in today's figures for its period and not in those as of the instant. */
    @Test
    void asOfAnInstantLeavesOutWhatWasRecordedAfterIt() throws Exception {
        LocalDate may = LocalDate.of(2017, 5, 1);
        LocalDate endOfMay = LocalDate.of(2017, 5, 31);
        seen(api(), may.plusDays(2), "CAMHS", 15, 1);
        awaitProjections(api());
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, asOf.toEpochMilli() - System.currentTimeMillis() + 50));
        seen(api(), may.plusDays(9), "CAMHS", 16, 2);
        awaitProjections(api());
        PageClient client = signedIn("analyst");

        Page then = client.get("/evaluation?" + period(may, endOfMay) + "&" + asOf(asOf));
        Page now = client.get("/evaluation?" + period(may, endOfMay));

        JsonNode apiThen = apiJson("/api/metrics/evaluation?" + apiQuery(may, endOfMay, asOf, false));
        JsonNode apiNow = apiJson("/api/metrics/evaluation?" + apiQuery(may, endOfMay, null, false));
        assertCellsAreTheApis(then, "evaluation", "a", apiThen, "");
        assertCellsAreTheApis(now, "evaluation", "a", apiNow, "");
        String total = "td[data-figure='referralsReceived.total'][data-period=a]";
        assertThat(Integer.parseInt(now.document().selectFirst(total).text()))
                .isEqualTo(Integer.parseInt(then.document().selectFirst(total).text()) + 1);
        assertThat(then.document().selectFirst("td[data-figure='referralsReceived.bySource.CAMHS.count']").text())
                .isEqualTo("1");
        assertThat(now.document().selectFirst("td[data-figure='referralsReceived.bySource.CAMHS.count']").text())
                .isEqualTo("2");
    }

    @Test
    void aComparisonShowsBothPeriodsAndTheChangeOfEachFigure() {
        march2017(api());
        LocalDate endOfMarch = MARCH.withDayOfMonth(31);
        LocalDate endOfApril = APRIL.withDayOfMonth(30);
        Instant asOf = aSecondAgo();
        Page page = signedIn("analyst").get("/evaluation?" + period(MARCH, endOfMarch) + "&"
                + date("compareFrom", APRIL) + "&" + date("compareTo", endOfApril) + "&" + asOf(asOf));
        assertThat(page.status()).isEqualTo(200);

        JsonNode a = apiJson("/api/metrics/evaluation?" + apiQuery(MARCH, endOfMarch, asOf, false));
        JsonNode b = apiJson("/api/metrics/evaluation?" + apiQuery(APRIL, endOfApril, asOf, false));
        assertCellsAreTheApis(page, "evaluation", "a", a, "");
        assertCellsAreTheApis(page, "evaluation", "b", b, "");
        int changes = 0;
        for (Element cell : page.document().select("td[data-answer=evaluation][data-period=change]")) {
            String figure = cell.attr("data-figure");
            JsonNode first = at(a, figure);
            JsonNode second = at(b, figure);
            if (first.isNull() || second.isNull()) {
                assertThat(cell.text()).as(figure).isEqualTo("None");
            } else {
                BigDecimal change = second.decimalValue().subtract(first.decimalValue());
                String expected = change.signum() == 0 ? "0"
                        : (change.signum() > 0 ? "+" : "\u2212") + change.abs().toPlainString();
                assertThat(cell.text()).as(figure).isEqualTo(expected);
            }
            changes++;
        }
        assertThat(changes).isEqualTo(figures(a, "", new HashSet<>()).size());
        assertThat(page.document().selectFirst("td[data-figure='peopleSeen'][data-period=change]").text()).isEqualTo("\u22123");
        assertThat(page.document().select("table[data-testid=peopleSeen] thead th").eachText())
                .containsExactly("Figure", "Value (A)", "Value (B)", "Change in value");
        assertThat(page.document().select("dl[data-testid=periods]").text())
                .contains("Period A 1 March 2017 to 31 March 2017", "Period B 1 April 2017 to 30 April 2017");
        assertCellsAreTheApis(page, "referral-rate", "b", apiJson("/api/metrics/referral-rate?"
                + apiQuery(APRIL, endOfApril, asOf, false) + "&groupBy=month"), "groups.");
        assertThat(page.document().select("[data-testid=downloads] a").eachText())
                .containsExactly("Download period A's figures as CSV", "Download period B's figures as CSV");
    }

    private static byte[] bytes(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    private byte[] apiCsv(String query) throws Exception {
        return bytes("http://127.0.0.1:" + port + "/api/metrics/evaluation?" + query, Map.of("Accept", "text/csv",
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(("analyst:" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theCsvDownloadIsTheApisCsvByteForByteAsAnAttachmentNamedAfterThePeriod() throws Exception {
        march2017(api());
        LocalDate to = MARCH.withDayOfMonth(31);
        Instant asOf = aSecondAgo();
        PageClient client = signedIn("analyst");
        Map<String, String> cookie = Map.of("Cookie", "signpost-session=" + client.sessionCookie());
        for (boolean publication : List.of(false, true)) {
            Page page = client.get("/evaluation?" + period(MARCH, to) + "&" + asOf(asOf)
                    + (publication ? "&publication=true" : ""));
            Element link = page.document().selectFirst("[data-testid=downloads] a[download]");
            assertThat(link.attr("href")).isEqualTo("/evaluation/download?" + apiQuery(MARCH, to, asOf, publication));

            Page download = client.get(link.attr("href"));
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Type")).startsWith("text/csv");
            assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"evaluation-2017-03-01-to-"
                    + "2017-03-31-as-of-" + asOf.toString().replace(":", "") + (publication ? "-publication" : "") + ".csv\"");
            byte[] relayed = bytes("http://127.0.0.1:" + port + link.attr("href"), cookie);
            assertThat(relayed).isEqualTo(apiCsv(apiQuery(MARCH, to, asOf, publication)));
            assertThat(new String(relayed, StandardCharsets.UTF_8)).startsWith("metric,value,from,to,asOf")
                    .contains("\r\npeopleSeen,");
        }
        // Without an instant, the download is the API's CSV of the moment: the same rows but for the asOf column.
        Page live = client.get("/evaluation?" + period(MARCH, to));
        String href = live.document().selectFirst("[data-testid=downloads] a[download]").attr("href");
        assertThat(href).isEqualTo("/evaluation/download?from=2017-03-01&to=2017-03-31");
        assertThat(withoutInstant(bytes("http://127.0.0.1:" + port + href, cookie)))
                .isEqualTo(withoutInstant(apiCsv(apiQuery(MARCH, to, null, false))));
    }

    private static List<String> withoutInstant(byte[] csv) {
        List<String> rows = new ArrayList<>();
        new String(csv, StandardCharsets.UTF_8).lines().forEach(row -> rows.add(row.replaceAll(",[^,]*$", "")));
        return rows;
    }

    /** The charts draw from the page's data islands: each is the API's answer as it came. */
    @Test
    void theChartsDataIsTheApisAnswerAsItCame() {
        march2017(api());
        LocalDate endOfApril = APRIL.withDayOfMonth(30);
        Instant asOf = aSecondAgo();
        Page page = signedIn("manager").get("/evaluation?" + period(MARCH, endOfApril) + "&" + asOf(asOf)
                + "&publication=true");

        String query = apiQuery(MARCH, endOfApril, asOf, true);
        assertThat(page.document().selectFirst("script#evaluation-a[type=application/json]").data())
                .isEqualTo(api().as("analyst").get("/api/metrics/evaluation?" + query).body());
        assertThat(page.document().selectFirst("script#months-a[type=application/json]").data())
                .isEqualTo(api().as("analyst").get("/api/metrics/referral-rate?" + query + "&groupBy=month").body());
        List<String> charts = page.document().select("canvas[data-figures]").eachAttr("id");
        assertThat(charts).containsExactlyInAnyOrder("chart-sources", "chart-reasons", "chart-sessions",
                "chart-outcomes", "chart-months-a");
        for (Element canvas : page.document().select("canvas[data-figures]")) {
            Element table = page.document().selectFirst("table[data-testid=" + canvas.attr("data-table") + "]");
            assertThat(table).as("the table beside " + canvas.id()).isNotNull();
            assertThat(canvas.attr("role")).isEqualTo("img");
            assertThat(canvas.attr("aria-label")).contains("The table gives each figure");
            // Every figure the chart draws is a cell of its table.
            for (String figure : canvas.attr("data-figures").replaceAll("[\\[\\]\"]", "").split(",")) {
                assertThat(table.select("td[data-figure='" + figure + "']")).as(canvas.id() + " " + figure).isNotEmpty();
            }
        }
        assertThat(page.document().select("script[src]").eachAttr("src"))
                .contains("/console-assets/chartjs/chart.umd.min.js", "/console-assets/evaluation.js");
        assertThat(new PageClient(port).get("/console-assets/chartjs/chart.umd.min.js").raw().body())
                .contains("Chart.js v4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an impossible date|from-day=31&from-month=2&from-year=2017&to-day=1&to-month=3&to-year=2017|from-day|Start date must be a real date",
        "a year in letters|from-day=1&from-month=3&from-year=20x7&to-day=1&to-month=3&to-year=2017|from-day|Start date must be a real date",
        "no start date|from-day=&from-month=&from-year=&to-day=1&to-month=3&to-year=2017|from-day|Enter start date",
        "the end before the start|from-day=31&from-month=3&from-year=2017&to-day=1&to-month=3&to-year=2017|to-day|End date must be the same as or after the start date",
        "an as-of instant to come|from-day=1&from-month=3&from-year=2017&to-day=31&to-month=3&to-year=2017&asOfDate-day=1&asOfDate-month=1&asOfDate-year=2999|asOfDate-day|As of date and time must be in the past",
        "an as-of time that is not one|from-day=1&from-month=3&from-year=2017&to-day=31&to-month=3&to-year=2017&asOfDate-day=1&asOfDate-month=1&asOfDate-year=2018&asOfTime=25:00|asOfTime|As of time must be a time",
        "an as-of time without its date|from-day=1&from-month=3&from-year=2017&to-day=31&to-month=3&to-year=2017&asOfTime=09:30|asOfDate-day|Enter as of date",
        "a comparison without its end|from-day=1&from-month=3&from-year=2017&to-day=31&to-month=3&to-year=2017&compareFrom-day=1&compareFrom-month=4&compareFrom-year=2017|compareTo-day|Enter comparison end date",
        "a comparison backwards|from-day=1&from-month=3&from-year=2017&to-day=31&to-month=3&to-year=2017&compareFrom-day=30&compareFrom-month=4&compareFrom-year=2017&compareTo-day=1&compareTo-month=4&compareTo-year=2017|compareTo-day|Comparison end date must be the same as or after the comparison start date"})
    void badInputIsAnErrorSummaryNamingTheField(String name, String query, String anchor, String message) {
        Page page = signedIn("analyst").get("/evaluation?" + query);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.h1()).isEqualTo("Evaluation");
        Element link = page.document().selectFirst(".nhsuk-error-summary a[href='#" + anchor + "']");
        assertThat(link).as(page.document().select(".nhsuk-error-summary").text()).isNotNull();
        assertThat(link.text()).startsWith(message);
        assertThat(page.document().getElementById(anchor)).as("the input the summary leads to").isNotNull();
        assertThat(page.document().select("section[data-metric]")).isEmpty();
    }

    /** A download's address made by hand: a period the API refuses, or no period at all, is a page saying so. */
    @ParameterizedTest
    @ValueSource(strings = {"from=2017-03-31&to=2017-03-01", "from=2017-02-30&to=2017-03-01", "to=2017-03-01",
            "from=2017-03-01&to=2017-03-31&asOf=2999-01-01T00:00:00Z", "from=2017-03-01&to=2017-03-31&asOf=soon"})
    void aDownloadOfAPeriodTheApiRefusesIsAPageNotAFailure(String query) {
        Page refused = signedIn("analyst").get("/evaluation/download?" + query);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.h1()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coordinator", "linkworker", "auditor", "dpo"})
    void otherRolesAreRefusedThePageAndTheDownload(String user) {
        PageClient client = signedIn(user);

        Page page = client.get("/evaluation");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.h1()).isEqualTo("You cannot see this page");
        assertThat(client.get("/evaluation/download?from=2017-03-01&to=2017-03-31").status()).isEqualTo(403);
        assertThat(client.open("/").document().select("header nav a").eachText()).doesNotContain("Evaluation");
    }

    @Test
    void aManagerStillLandsOnTheInboxAndHasEvaluationInTheMenu() {
        PageClient client = new PageClient(port);
        Page inbox = client.signIn("manager", Api.PASSWORD);

        assertThat(inbox.raw().uri().getPath()).isEqualTo("/inbox");
        Element item = inbox.document().selectFirst("header nav a[href='/evaluation']");
        assertThat(item).isNotNull();
        assertThat(item.text()).isEqualTo("Evaluation");
    }
}
