package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Evaluation} as a plain ObjectMapper writes it has the names and nesting of API.md. */
class EvaluationJsonTest {

    /** API.md's example evaluation object, as it stands. */
    private static final String API_EXAMPLE = """
            {"from": "2019-01-01", "to": "2019-12-31", "asOf": "2020-01-05T09:00:00Z",
             "referralsReceived": {"total": 50, "bySource": {"GP": {"count": 10, "share": 0.2}},
                                   "byChannel": {"EMAIL": {"count": 50, "share": 1.0}}},
             "reasonsForReferral": {"total": 80, "byReason": {"ANXIETY": {"count": 20, "share": 0.25}}},
             "triageOutcomes": {"total": 48, "byOutcome": {"ACCEPTED": 40, "REDIRECTED": 5, "DECLINED": 3},
                                "inappropriateBySource": {"GP": {"declined": 1, "triaged": 10, "rate": 0.1}}},
             "peopleSeen": 38, "referredToVcse": 30, "referralRate": 0.7895, "referralRatePercent": 78.9,
             "vcseUptake": {"signposted": 30, "attended": 21, "rate": 0.7},
             "sessionsPerPerson": {"mean": 3.42, "median": 3.0, "max": 9,
                                   "distribution": {"1": 5, "2": 8, "3": 10, "4": 6, "5+": 9}},
             "sessionMinutes": {"mean": 41.25},
             "daysToFirstSession": {"median": 12.5},
             "continuity": {"rate": 0.92},
             "walkingDistance": {"sessions": 120, "over30": 6, "rate": 0.05},
             "ageAtReferral": {"mean": 14.8, "min": 11, "max": 18},
             "outcomeChange": {"SWEMWBS": {"participants": 20, "meanChange": 2.35},
                               "UCLA3": {"participants": 18, "meanChange": -1.1},
                               "ONS4": {"lifeSatisfaction": {"participants": 15, "meanChange": 1.2},
                                        "worthwhile": {"participants": 15, "meanChange": 0.8},
                                        "happy": {"participants": 15, "meanChange": 0.9},
                                        "anxious": {"participants": 15, "meanChange": -1.4}}}}
            """;

    /** Objects keyed by an enum: ours holds every value of the enum, the example only some. */
    private static final Set<String> KEYED_BY_ENUM = Set.of("referralsReceived.bySource",
            "referralsReceived.byChannel", "reasonsForReferral.byReason", "triageOutcomes.byOutcome",
            "triageOutcomes.inappropriateBySource");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void namesAndNestingAreThoseOfApiMd() throws Exception {
        JsonNode example = json.readTree(API_EXAMPLE);
        JsonNode ours = json.readTree(json.writeValueAsString(ExampleHistory.evaluation()));

        assertThat(ours.fieldNames()).toIterable().containsExactlyElementsOf(names(example));
        List<String> mismatches = new ArrayList<>();
        compare("", example, ours, mismatches);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void datesAreIsoAndDecimalsExact() throws Exception {
        String written = json.writeValueAsString(ExampleHistory.evaluation());

        assertThat(written).contains("\"from\":\"2019-04-01\"", "\"to\":\"2019-06-30\"",
                "\"asOf\":\"2019-08-01T09:00:00Z\"",
                "\"referralRate\":0.75,", "\"referralRatePercent\":75.0,",
                "\"GP\":{\"count\":3,\"share\":0.5}", "\"SCHOOL\":{\"count\":2,\"share\":0.3333}",
                "\"median\":3.0", "\"median\":12.5", "\"mean\":37.31",
                "\"ageAtReferral\":{\"mean\":13.3,\"min\":10,\"max\":17}",
                "\"UCLA3\":{\"participants\":3,\"meanChange\":-2.67}",
                "\"distribution\":{\"1\":1,\"2\":1,\"3\":0,\"4\":1,\"5+\":1}");
    }

    @Test
    void theAgeRangeOfNoReferralsIsNull() throws Exception {
        LocalDate day = LocalDate.parse("2018-01-01");
        String written = json.writeValueAsString(
                EvaluationMetrics.compute(new MetricFacts(), day, day, ExampleHistory.AS_OF));

        assertThat(written).contains("\"ageAtReferral\":{\"mean\":0.0,\"min\":null,\"max\":null}",
                "\"referralRate\":0.0,");
    }

    private static void compare(String path, JsonNode example, JsonNode ours, List<String> mismatches) {
        if (ours == null) {
            mismatches.add(path + ": missing");
        } else if (example.isObject()) {
            if (!ours.isObject()) {
                mismatches.add(path + ": not an object");
                return;
            }
            if (!KEYED_BY_ENUM.contains(path) && !names(ours).equals(names(example))) {
                mismatches.add(path + ": fields " + names(ours) + " instead of " + names(example));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                compare(child, field.getValue(), ours.get(field.getKey()), mismatches);
            }
        } else if (example.getNodeType() != ours.getNodeType()) {
            mismatches.add(path + ": " + ours.getNodeType() + " instead of " + example.getNodeType());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
