package org.signpost.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.Need;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.YoungPerson;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.metrics.MetricsQueries;
import org.signpost.query.metrics.Publication;
import org.signpost.query.testing.History;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The metrics endpoints over HTTP: the JSON of API.md, CSV, grouping, "as of", and bad parameters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsHttpTest extends QuerySideTest {

    /** The one referral received on this day, in a year no other test's events are dated in. */
    private static final String ONE_DAY = "from=1995-06-15&to=1995-06-15";

    @Autowired
    MetricsQueries metrics;

    /** An instant after every event of this class's history was recorded. */
    private Instant historyRecorded;

    @BeforeAll
    void history() {
        connect();
        append(new HistoryGenerator(5L, LocalDate.of(2022, 1, 1), 365).histories(80));
        UUID referralId = UUID.randomUUID();
        LocalDate day = LocalDate.parse("1995-06-15");
        append(List.of(History.of(new ReferralReceived(referralId, ReferralSource.SELF, ReferralChannel.WEBSITE, day,
                List.of(ReferralReason.LONELINESS), List.of(Need.LONELINESS), ConsentGivenBy.YOUNG_PERSON, 12, "LS6",
                List.of(), PersonalData.of(new YoungPerson("One", "Child", day.minusYears(12), null, null, null, null,
                        null)), null, null), 0, "coordinator", "COORDINATOR")));
        awaitProjections();
        historyRecorded = Instant.now();
    }

    /**
     * The finding: for a one-day period the evaluation showed one child's age, source and reason.
     * Its publication shows none of them, nor anything else about the child but zeros where
     * nobody could be.
     */
    @Test
    void theOneDayPublicationOfOneReferralShowsNothingAboutTheChild() {
        JsonNode exact = api.as("analyst").get("/api/metrics/evaluation?" + ONE_DAY).json();
        assertThat(exact.path("referralsReceived").path("bySource").path("SELF").path("count").asInt()).isEqualTo(1);
        assertThat(exact.path("ageAtReferral").path("min").asInt()).isEqualTo(12);
        assertThat(exact.has("publication")).isFalse();

        Response response = api.as("analyst").get("/api/metrics/evaluation?" + ONE_DAY + "&publication=true");

        assertThat(response.status()).isEqualTo(200);
        JsonNode published = response.json();
        assertThat(published.path("referralsReceived").path("total").isNull()).isTrue();
        assertThat(published.path("referralsReceived").path("bySource").path("SELF").path("count").isNull()).isTrue();
        assertThat(published.path("referralsReceived").path("bySource").path("GP").path("count").isNull()).isTrue();
        assertThat(published.path("reasonsForReferral").path("byReason").path("LONELINESS").path("count").isNull())
                .isTrue();
        assertThat(published.path("ageAtReferral").toString()).isEqualTo("{\"mean\":null,\"min\":null,\"max\":null}");
        assertThat(figures(published)).allSatisfy(figure -> assertThat(figure).matches(".*=(null|0|0\\.0)"));
        assertThat(published.path("publication").path("suppressBelow").asInt()).isEqualTo(5);
        assertThat(published.path("publication").path("suppressed").toString()).contains(
                "{\"metric\":\"referralsReceived.bySource.SELF.count\",\"reason\":\"SMALL_COUNT\"}",
                "{\"metric\":\"ageAtReferral.min\",\"reason\":\"ONE_PERSON\"}",
                "{\"metric\":\"ageAtReferral.mean\",\"reason\":\"DERIVED_FROM_SMALL_COUNT\"}");
    }

    @Test
    void aPublicationAsCsvLeavesWithheldValuesEmptyAndSaysWhy() {
        Response response = api.as("analyst").header("Accept", "text/csv")
                .get("/api/metrics/evaluation?" + ONE_DAY + "&publication=true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf,suppressBelow,suppressed");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("referralsReceived\\.bySource\\.SELF\\.count,,1995-06-15,1995-06-15,[^,]+,5,SMALL_COUNT"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("peopleSeen,0,1995-06-15,1995-06-15,[^,]+,5,"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).doesNotMatch("[^,]+,[1-9].*"));
    }

    /** A figure published last year, reproduced today: "as of" and publication together. */
    @Test
    void aPublicationAsOfAnInstantIsThePublicationOfTheFiguresAsOfIt() throws Exception {
        // After the history (an instant a second ago could precede it when this test runs first).
        Instant asOf = historyRecorded;
        JsonNode published = api.as("manager")
                .get("/api/metrics/evaluation?from=2022-01-01&to=2022-12-31&publication=true&asOf=" + asOf).json();

        Publication expected = Publication.of(
                metrics.evaluation(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), asOf), 5);
        assertThat(published).isEqualTo(new ObjectMapper().readTree(expected.json().toString()));
        assertThat(published.path("asOf").asText()).isEqualTo(asOf.toString());
        assertThat(published.path("referralsReceived").path("total").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theReferralRatesPublicationWithholdsSmallGroups() {
        JsonNode exact = api.as("analyst")
                .get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31&groupBy=source,linkWorker").json();
        JsonNode published = api.as("analyst")
                .get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31&groupBy=source,linkWorker&publication=true")
                .json();

        assertThat(published.path("peopleSeen")).isEqualTo(exact.path("peopleSeen"));
        assertThat(published.path("groups").path("source").size()).isEqualTo(exact.path("groups").path("source").size());
        List<String> withheld = new ArrayList<>();
        exact.path("groups").path("source").fields().forEachRemaining(group -> {
            int seen = group.getValue().path("peopleSeen").asInt();
            JsonNode shown = published.path("groups").path("source").path(group.getKey()).path("peopleSeen");
            if (seen > 0 && seen < 5) {
                assertThat(shown.isNull()).as(group.getKey()).isTrue();
                withheld.add("groups.source." + group.getKey() + ".peopleSeen");
            }
        });
        assertThat(published.path("publication").path("suppressed").toString()).contains(withheld);
        assertThat(exact.has("publication")).isFalse();
    }

    @Test
    void publicationIsTrueOrFalse() {
        Response response = api.as("analyst").get("/api/metrics/evaluation?" + ONE_DAY + "&publication=yes");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("publication");
        JsonNode exact = api.as("analyst").get("/api/metrics/evaluation?" + ONE_DAY + "&publication=false").json();
        JsonNode plain = api.as("analyst").get("/api/metrics/evaluation?" + ONE_DAY).json();
        ((ObjectNode) exact).remove("asOf");
        ((ObjectNode) plain).remove("asOf");
        assertThat(exact).isEqualTo(plain);
        assertThat(api.as("coordinator").get("/api/metrics/evaluation?" + ONE_DAY + "&publication=true").status())
                .isEqualTo(403);
    }

    private static List<String> figures(JsonNode published) {
        List<String> figures = new ArrayList<>();
        collect(published, "", figures);
        return figures.stream().filter(figure -> !figure.startsWith("from=") && !figure.startsWith("to=")
                && !figure.startsWith("asOf=") && !figure.startsWith("publication.")).toList();
    }

    private static void collect(JsonNode node, String path, List<String> into) {
        if (node.isContainerNode()) {
            node.fields().forEachRemaining(field ->
                    collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), into));
            if (node.isArray()) {
                into.add(path + "=[array]");
            }
        } else {
            into.add(path + "=" + node.asText());
        }
    }

    @Test
    void theEvaluationHasEveryMetricOfTheProduct() {
        Response response = api.as("analyst").get("/api/metrics/evaluation?from=2022-01-01&to=2022-12-31");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode e = response.json();
        assertThat(e.path("from").asText()).isEqualTo("2022-01-01");
        assertThat(e.path("to").asText()).isEqualTo("2022-12-31");
        assertThat(e.path("asOf").asText()).endsWith("Z");
        for (String metric : List.of("referralsReceived", "reasonsForReferral", "triageOutcomes", "peopleSeen",
                "referredToVcse", "referralRate", "referralRatePercent", "vcseUptake", "sessionsPerPerson",
                "sessionMinutes", "daysToFirstSession", "continuity", "walkingDistance", "ageAtReferral",
                "outcomeChange")) {
            assertThat(e.has(metric)).as(metric).isTrue();
        }
        assertThat(e.path("referralsReceived").path("total").asInt()).isPositive();
        assertThat(e.path("referralsReceived").path("bySource").path("GP").has("share")).isTrue();
        assertThat(e.path("sessionsPerPerson").path("distribution").has("5+")).isTrue();
        assertThat(e.path("outcomeChange").path("ONS4").path("anxious").has("meanChange")).isTrue();
        assertThat(e.path("peopleSeen").asInt()).isGreaterThanOrEqualTo(e.path("referredToVcse").asInt());
    }

    @Test
    void theEvaluationAsCsvHasOneMetricARowWithPeriodAndAsOf() {
        Response response = api.as("manager").header("Accept", "text/csv")
                .get("/api/metrics/evaluation?from=2022-01-01&to=2022-12-31&asOf=" + Instant.now().minusSeconds(1));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("peopleSeen,"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",2022-01-01,2022-12-31,"));
    }

    @Test
    void theReferralRateGroupsBySourceAndLinkWorker() {
        JsonNode plain = api.as("analyst").get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31").json();
        assertThat(plain.has("groups")).isFalse();
        assertThat(plain.path("referralRate").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        JsonNode grouped = api.as("analyst")
                .get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31&groupBy=source,linkWorker").json();
        assertThat(grouped.path("peopleSeen").asInt()).isEqualTo(plain.path("peopleSeen").asInt());
        int bySource = 0;
        for (JsonNode group : grouped.path("groups").path("source")) {
            bySource += group.path("peopleSeen").asInt();
        }
        assertThat(bySource).isEqualTo(plain.path("peopleSeen").asInt());
        assertThat(grouped.path("groups").path("linkWorker").fieldNames()).toIterable()
                .allSatisfy(name -> assertThat(name).startsWith("gen-lw-"));
    }

    /** Per calendar month in one call: each month as the report for that month's days alone, live and as of. */
    @Test
    void theReferralRateGroupsByMonth() {
        // After the history: a second ago precedes it when this test runs within a second of it.
        Instant asOf = historyRecorded;
        for (String at : List.of("", "&asOf=" + asOf)) {
            JsonNode byMonth = api.as("analyst")
                    .get("/api/metrics/referral-rate?from=2022-01-10&to=2022-12-31&groupBy=month" + at).json();
            JsonNode months = byMonth.path("groups").path("month");
            assertThat(months.fieldNames()).toIterable().containsExactly("2022-01", "2022-02", "2022-03", "2022-04",
                    "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12");
            months.fields().forEachRemaining(month -> {
                YearMonth calendar = YearMonth.parse(month.getKey());
                LocalDate first = calendar.getMonthValue() == 1 ? LocalDate.parse("2022-01-10") : calendar.atDay(1);
                JsonNode alone = api.as("analyst").get("/api/metrics/referral-rate?from=" + first + "&to="
                        + calendar.atEndOfMonth() + at).json();
                for (String figure : List.of("peopleSeen", "referredToVcse", "referralRate", "referralRatePercent")) {
                    assertThat(month.getValue().path(figure)).as(month.getKey() + " " + figure + at)
                            .isEqualTo(alone.path(figure));
                }
            });
            assertThat(months.path("2022-03").path("peopleSeen").asInt()).isPositive();
        }
        JsonNode published = api.as("manager")
                .get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31&groupBy=month&publication=true").json();
        assertThat(published.path("groups").path("month").size()).isEqualTo(12);
        // Ten years' months are the most: 2012-02 to 2022-01.
        assertThat(api.as("analyst").get("/api/metrics/referral-rate?from=2012-02-29&to=2022-01-31&groupBy=month")
                .json().path("groups").path("month").size()).isEqualTo(120);
        assertThat(published.path("publication").path("suppressBelow").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing from|to=2022-12-31|from",
        "impossible date|from=2022-02-30&to=2022-12-31|from",
        "period backwards|from=2022-12-31&to=2022-01-01|to",
        "asOf not an instant|from=2022-01-01&to=2022-12-31&asOf=yesterday|asOf",
        "asOf in the future|from=2022-01-01&to=2022-12-31&asOf=2999-01-01T00:00:00Z|asOf",
        "unknown grouping|from=2022-01-01&to=2022-12-31&groupBy=postcode|groupBy",
        "over 120 months by month|from=2012-01-31&to=2022-01-01&groupBy=month|groupBy"})
    void badParametersAreAProblemNamingTheParameter(String name, String query, String field) {
        String path = field.equals("groupBy") ? "/api/metrics/referral-rate?" : "/api/metrics/evaluation?";
        Response response = api.as("analyst").get(path + query);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void onlyAnalystsAndManagersSeeMetrics() {
        assertThat(api.as("coordinator").get("/api/metrics/evaluation?from=2022-01-01&to=2022-12-31").status())
                .isEqualTo(403);
        assertThat(api.as("auditor").get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31").status())
                .isEqualTo(403);
        assertThat(api.anonymous().get("/api/metrics/referral-rate?from=2022-01-01&to=2022-12-31").status())
                .isEqualTo(401);
    }
}
