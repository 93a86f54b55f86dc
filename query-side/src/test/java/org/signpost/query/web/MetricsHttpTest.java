package org.signpost.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;

/** The metrics endpoints over HTTP: the JSON of API.md, CSV, grouping, "as of", and bad parameters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsHttpTest extends QuerySideTest {

    @BeforeAll
    void history() {
        connect();
        append(new HistoryGenerator(5L, LocalDate.of(2022, 1, 1), 365).histories(80));
        awaitProjections();
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
        assertThat(plain.path("referralRate").decimalValue()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing from|to=2022-12-31|from",
        "impossible date|from=2022-02-30&to=2022-12-31|from",
        "period backwards|from=2022-12-31&to=2022-01-01|to",
        "asOf not an instant|from=2022-01-01&to=2022-12-31&asOf=yesterday|asOf",
        "asOf in the future|from=2022-01-01&to=2022-12-31&asOf=2999-01-01T00:00:00Z|asOf",
        "unknown grouping|from=2022-01-01&to=2022-12-31&groupBy=postcode|groupBy"})
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
