package org.signpost.query.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The evaluation as CSV (RFC 4180, CRLF): header {@code metric,value,from,to,asOf}, then one
 * metric a row, its name the JSON path with dots ({@code referralsReceived.bySource.GP.count},
 * {@code outcomeChange.ONS4.anxious.meanChange}). The rows are read off the JSON form of
 * {@link Evaluation}, so the CSV can never name or nest a metric differently from the JSON.
 * An absent value (the age range of no referrals) is an empty cell.
 */
public final class EvaluationCsv {

    private static final String CRLF = "\r\n";
    private static final Set<String> PERIOD_FIELDS = Set.of("from", "to", "asOf");

    /** Its own mapper (a publication's too): the figures must not change with the web layer's JSON settings. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Keep 1.0 as 1.0 and 0.0 as 0.0, as the JSON shows them.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EvaluationCsv() {
    }

    public static String render(Evaluation evaluation) {
        String period = "," + Objects.toString(evaluation.from(), "") + "," + Objects.toString(evaluation.to(), "")
                + "," + Objects.toString(evaluation.asOf(), "");
        StringBuilder csv = new StringBuilder("metric,value,from,to,asOf").append(CRLF);
        appendRows(csv, JSON.valueToTree(evaluation), metric -> period);
        return csv.toString();
    }

    /**
     * A publication of the evaluation: the same rows, a withheld figure's value empty, and two
     * columns more, the threshold and why the figure is withheld (empty for one published), so
     * that every row stands alone as it does with its period.
     */
    public static String render(Publication publication) {
        JsonNode figures = publication.figures();
        String period = "," + figures.path("from").asText("") + "," + figures.path("to").asText("") + ","
                + figures.path("asOf").asText("") + "," + publication.notice().suppressBelow() + ",";
        StringBuilder csv = new StringBuilder("metric,value,from,to,asOf,suppressBelow,suppressed").append(CRLF);
        appendRows(csv, figures, metric -> period + Objects.toString(publication.reasonFor(metric), ""));
        return csv.toString();
    }

    private static void appendRows(StringBuilder csv, JsonNode figures, Function<String, String> rest) {
        Iterator<Map.Entry<String, JsonNode>> fields = figures.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!PERIOD_FIELDS.contains(field.getKey())) {
                appendRows(csv, field.getKey(), field.getValue(), rest);
            }
        }
    }

    private static void appendRows(StringBuilder csv, String metric, JsonNode value, Function<String, String> rest) {
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                appendRows(csv, metric + "." + field.getKey(), field.getValue(), rest);
            }
        } else {
            csv.append(quoted(metric)).append(',').append(quoted(value.isNull() ? "" : value.asText()))
                    .append(rest.apply(metric)).append(CRLF);
        }
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
