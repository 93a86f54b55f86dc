package org.signpost.console.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fourteen evaluation metrics of PRODUCT.md as tables, each figure read off the API's answer
 * as it stands (no figure is computed here but the change between two periods), each metric with
 * its definition in PRODUCT.md's words, and the charts drawn beside some tables: which figures of
 * which answer each draws, so that the page's script reads them from the same answers.
 */
public final class EvaluationFigures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** One figure of one answer, or the change of a figure between the two periods ({@code period} "change"). */
    public record Cell(String answer, String figure, String period, String text, boolean withheld) {
    }

    public record Row(String heading, List<Cell> cells) {
    }

    /**
     * A chart of a table: the figures it draws (JSON paths), from which answers in the page (the
     * ids of their data islands), each answer's series name; {@code line}: figures drawn as a line
     * on a percentage axis of their own (the referral rate by month).
     */
    public record Chart(String id, String description, String figures, String line, String islands, String series,
                        String axis, boolean horizontal) {
    }

    /** {@code captionHidden}: the caption says only what the metric's heading says, so only screen readers read it. */
    public record Table(String id, String caption, boolean captionHidden, List<String> headings, List<Row> rows,
                        Chart chart) {
    }

    public record Metric(String name, String title, String definition, List<Table> tables) {
    }

    /**
     * An answer of the API (the evaluation, or the referral rate by month): as it came, for the
     * page's data island ({@code island} its id), read, and the figures its publication withheld.
     */
    public record Answer(String island, String api, String raw, JsonNode json, Map<String, String> withheld) {

        static Answer of(String island, String api, JsonNode json, String raw) {
            Map<String, String> withheld = new LinkedHashMap<>();
            json.path("publication").path("suppressed").forEach(figure ->
                    withheld.put(figure.path("metric").asText(), figure.path("reason").asText()));
            return new Answer(island, api, raw, json, withheld);
        }

        /**
         * The answer as it came, safe inside a script element: {@code <}, {@code >} and {@code &}
         * as JSON's own escapes (they can stand only inside strings), so that nothing in it can end
         * the element; JSON.parse reads the same object.
         */
        public String scriptSafe() {
            return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        }

        JsonNode at(String figure) {
            JsonNode node = json;
            for (String key : figure.split("\\.")) {
                node = node.path(key);
            }
            return node;
        }
    }

    private record Column(String heading, String key) {
    }

    private record RowSpec(String heading, String path) {
    }

    /** PRODUCT.md's "Evaluation metrics (exact definitions)", in its words. */
    static final Map<String, String> DEFINITIONS = definitions();

    /** What every figure is counted over (PRODUCT.md's words above its table of definitions). */
    public static final String COUNTED = "All for a period [from, to] of dates, inclusive, in Europe/London, over the "
            + "events known at the \"as of\" instant (now, unless one is asked for). Rates are fractions; each also has "
            + "a percentage to one decimal place where API.md shows one; means have two decimals; a median of an even "
            + "count is the mean of the two middle values; a rate or mean over nothing is 0.";

    private static Map<String, String> definitions() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("referralsReceived", "referrals whose date received is in the period; also by source and by "
                + "channel, each with its share of the total");
        words.put("reasonsForReferral", "every reason of every referral received in the period counted once; share = "
                + "count / all reasons counted");
        words.put("triageOutcomes", "referrals triaged in the period, by outcome; and per source, the "
                + "inappropriate-referral rate: declined referrals that failed at least one inclusion criterion / "
                + "referrals of that source triaged in the period");
        words.put("peopleSeen", "distinct participants with at least one session held in the period");
        words.put("referredToVcse", "of those, the participants with at least one SignpostedToVcse dated in the "
                + "period");
        words.put("referralRate", "referredToVcse / peopleSeen");
        words.put("vcseUptake", "of the participants with at least one SignpostedToVcse dated in the period, the "
                + "share for whom at least one of those signposts has its uptake recorded as attended (whenever it "
                + "was recorded)");
        words.put("sessionsPerPerson", "over peopleSeen, the sessions each held in the period: mean, median, "
                + "maximum, and how many people had 1, 2, 3, 4, and 5 or more");
        words.put("sessionMinutes", "mean length of the sessions held in the period");
        words.put("daysToFirstSession", "over participants whose first session ever is in the period, the median "
                + "of days from their referral's date received to that session");
        words.put("continuity", "share of peopleSeen whose sessions in the period were all recorded while one and "
                + "the same link worker was assigned");
        words.put("walkingDistance", "of the sessions held in the period that have a walking time from home, the "
                + "share over 30 minutes");
        words.put("ageAtReferral", "over referrals received in the period, the mean (one decimal), minimum and "
                + "maximum of the age in whole years on the day received");
        words.put("outcomeChange", "per instrument (per item for ONS4), over participants with a BASELINE measure "
                + "and at least one later REVIEW or EXIT measure recorded in the period: the mean of (latest such "
                + "score - baseline score), and how many participants");
        return words;
    }

    private static final List<Column> VALUE = List.of(new Column("Value", ""));
    private static final List<Column> COUNT_AND_SHARE = List.of(new Column("Count", "count"),
            new Column("Share", "share"));

    private final Words words;
    private final Answer first;
    private final Answer second;

    private EvaluationFigures(Words words, Answer first, Answer second) {
        this.words = words;
        this.first = first;
        this.second = second;
    }

    /** Every metric of the evaluation {@code first}, beside {@code second}'s and the change if there is one. */
    static List<Metric> metrics(Words words, Answer first, Answer second) {
        return new EvaluationFigures(words, first, second).metrics();
    }

    private List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(metric("referralsReceived", "Referrals received",
                scalars("referralsReceived", "Referrals received", List.of(
                        new RowSpec("Referrals received", "referralsReceived.total"))),
                table("referralsReceived-bySource", "Referrals received by source", "Source", COUNT_AND_SHARE,
                        keyed("referralsReceived.bySource"), chart("sources", "referrals received by source",
                                "count", "Referrals", true)),
                table("referralsReceived-byChannel", "Referrals received by channel", "Channel", COUNT_AND_SHARE,
                        keyed("referralsReceived.byChannel"), null)));
        metrics.add(metric("reasonsForReferral", "Reasons for referral",
                scalars("reasonsForReferral", "Reasons for referral", List.of(
                        new RowSpec("Reasons counted", "reasonsForReferral.total"))),
                table("reasonsForReferral-byReason", "Reasons for referral", "Reason", COUNT_AND_SHARE,
                        keyed("reasonsForReferral.byReason"), chart("reasons", "reasons for referral", "count",
                                "Reasons", true))));
        metrics.add(metric("triageOutcomes", "Triage outcomes",
                scalars("triageOutcomes", "Referrals triaged", List.of(
                        new RowSpec("Referrals triaged", "triageOutcomes.total"))),
                table("triageOutcomes-byOutcome", "Referrals triaged by outcome", "Outcome",
                        List.of(new Column("Referrals", "")), keyed("triageOutcomes.byOutcome"), null),
                table("triageOutcomes-inappropriateBySource", "Inappropriate referrals by source", "Source",
                        List.of(new Column("Declined, failing a criterion", "declined"),
                                new Column("Triaged", "triaged"), new Column("Rate", "rate")),
                        keyed("triageOutcomes.inappropriateBySource"), null)));
        metrics.add(metric("peopleSeen", "People seen", scalars("peopleSeen", "People seen",
                List.of(new RowSpec("People seen", "peopleSeen")))));
        metrics.add(metric("referredToVcse", "Referred to VCSE", scalars("referredToVcse", "Referred to VCSE",
                List.of(new RowSpec("People seen and referred to VCSE", "referredToVcse")))));
        metrics.add(metric("referralRate", "Referral rate to VCSE", scalars("referralRate", "Referral rate to VCSE",
                List.of(new RowSpec("Rate", "referralRate"), new RowSpec("Percentage", "referralRatePercent")))));
        metrics.add(metric("vcseUptake", "VCSE uptake", scalars("vcseUptake", "VCSE uptake", List.of(
                new RowSpec("Signposted", "vcseUptake.signposted"), new RowSpec("Attended", "vcseUptake.attended"),
                new RowSpec("Rate", "vcseUptake.rate")))));
        metrics.add(metric("sessionsPerPerson", "Sessions per person",
                scalars("sessionsPerPerson", "Sessions per person seen", List.of(
                        new RowSpec("Mean", "sessionsPerPerson.mean"), new RowSpec("Median", "sessionsPerPerson.median"),
                        new RowSpec("Most", "sessionsPerPerson.max"))),
                table("sessionsPerPerson-distribution", "People seen by their number of sessions", "Sessions",
                        List.of(new Column("People", "")), keyed("sessionsPerPerson.distribution"),
                        chart("sessions", "people seen by their number of sessions (1, 2, 3, 4, 5 or more)", "",
                                "People", false))));
        metrics.add(metric("sessionMinutes", "Session length", scalars("sessionMinutes", "Session length", List.of(
                new RowSpec("Mean minutes", "sessionMinutes.mean")))));
        metrics.add(metric("daysToFirstSession", "Days to first session", scalars("daysToFirstSession",
                "Days from referral to first session", List.of(
                        new RowSpec("Median days", "daysToFirstSession.median")))));
        metrics.add(metric("continuity", "Continuity of link worker", scalars("continuity", "Continuity of link worker",
                List.of(new RowSpec("Rate", "continuity.rate")))));
        metrics.add(metric("walkingDistance", "Walking distance", scalars("walkingDistance",
                "Sessions over 30 minutes' walk from home", List.of(
                        new RowSpec("Sessions with a walking time", "walkingDistance.sessions"),
                        new RowSpec("Over 30 minutes", "walkingDistance.over30"),
                        new RowSpec("Rate", "walkingDistance.rate")))));
        metrics.add(metric("ageAtReferral", "Age at referral", scalars("ageAtReferral", "Age at referral, in years",
                List.of(new RowSpec("Mean", "ageAtReferral.mean"), new RowSpec("Youngest", "ageAtReferral.min"),
                        new RowSpec("Oldest", "ageAtReferral.max")))));
        metrics.add(metric("outcomeChange", "Outcome change",
                table("outcomeChange", "Change from baseline, per instrument", "Instrument",
                        List.of(new Column("Participants", "participants"), new Column("Mean change", "meanChange")),
                        List.of(new RowSpec("SWEMWBS (metric score)", "outcomeChange.SWEMWBS"),
                                new RowSpec("UCLA 3-item loneliness (total)", "outcomeChange.UCLA3"),
                                new RowSpec("ONS4 life satisfaction", "outcomeChange.ONS4.lifeSatisfaction"),
                                new RowSpec("ONS4 worthwhile", "outcomeChange.ONS4.worthwhile"),
                                new RowSpec("ONS4 happy yesterday", "outcomeChange.ONS4.happy"),
                                new RowSpec("ONS4 anxious yesterday", "outcomeChange.ONS4.anxious")),
                        chart("outcomes", "the mean change from baseline per instrument, ONS4 per item", "meanChange",
                                "Mean change", true))));
        return metrics;
    }

    /** A period's referral rate month by month (the referral-rate answer grouped by month), with its chart. */
    static Table months(Answer answer, String period, String caption) {
        List<Row> rows = new ArrayList<>();
        List<String> people = new ArrayList<>();
        List<String> percent = new ArrayList<>();
        List<Column> columns = List.of(new Column("People seen", "peopleSeen"),
                new Column("Referred to VCSE", "referredToVcse"), new Column("Rate", "referralRate"),
                new Column("Percentage", "referralRatePercent"));
        answer.json().path("groups").path("month").fieldNames().forEachRemaining(month -> {
            String path = "groups.month." + month;
            List<Cell> cells = new ArrayList<>();
            columns.forEach(column -> cells.add(cell(answer, path + "." + column.key(), period)));
            rows.add(new Row(YearMonth.parse(month).format(MONTH), cells));
            people.add(path + ".peopleSeen");
            percent.add(path + ".referralRatePercent");
        });
        List<String> headings = new ArrayList<>(List.of("Month"));
        columns.forEach(column -> headings.add(column.heading()));
        Chart chart = new Chart("chart-months-" + period, "Chart of " + caption.toLowerCase(Locale.UK)
                + ": people seen as bars, the referral rate to VCSE as a line. The table gives each figure.",
                json(people), json(percent), answer.island(), json(List.of("People seen", "Referral rate (%)")),
                "People seen", false);
        return new Table("months-" + period, caption, false, headings, rows, chart);
    }

    private Metric metric(String name, String title, Table... tables) {
        return new Metric(name, title, DEFINITIONS.get(name), List.of(tables));
    }

    private Table scalars(String id, String caption, List<RowSpec> rows) {
        Table table = table(id, caption, "Figure", VALUE, rows, null);
        return new Table(table.id(), table.caption(), true, table.headings(), table.rows(), null);
    }

    /** One row a key of the object at {@code path}, in the answer's order (every source, reason... zeros included). */
    private List<RowSpec> keyed(String path) {
        List<RowSpec> rows = new ArrayList<>();
        first.at(path).fieldNames().forEachRemaining(key -> rows.add(new RowSpec(label(key), path + "." + key)));
        return rows;
    }

    private String label(String key) {
        return key.equals("5+") ? "5 or more" : words.label(key);
    }

    /** A chart of one column of the table that follows: the first period's figures, and the second's beside them. */
    private ChartSpec chart(String name, String what, String key, String axis, boolean horizontal) {
        return new ChartSpec(name, what, key, axis, horizontal);
    }

    private record ChartSpec(String name, String what, String key, String axis, boolean horizontal) {
    }

    private Table table(String id, String caption, String rowHeading, List<Column> columns, List<RowSpec> rows,
                        ChartSpec chartSpec) {
        List<String> headings = new ArrayList<>(List.of(rowHeading));
        for (Column column : columns) {
            if (second == null) {
                headings.add(column.heading());
            } else {
                headings.add(column.heading() + " (A)");
                headings.add(column.heading() + " (B)");
                headings.add("Change in " + column.heading().toLowerCase(Locale.UK));
            }
        }
        List<Row> tableRows = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (RowSpec row : rows) {
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                String figure = column.key().isEmpty() ? row.path() : row.path() + "." + column.key();
                Cell a = cell(first, figure, "a");
                cells.add(a);
                if (second != null) {
                    Cell b = cell(second, figure, "b");
                    cells.add(b);
                    cells.add(change(a, b));
                }
                if (chartSpec != null && column.key().equals(chartSpec.key())) {
                    drawn.add(figure);
                }
            }
            tableRows.add(new Row(row.heading(), cells));
        }
        Chart chart = null;
        if (chartSpec != null) {
            String islands = first.island() + (second == null ? "" : " " + second.island());
            chart = new Chart("chart-" + chartSpec.name(), "Chart of " + chartSpec.what()
                    + (second == null ? "" : ", periods A and B side by side") + ". The table gives each figure.",
                    json(drawn), null, islands, json(second == null ? List.of(chartSpec.axis())
                    : List.of("Period A", "Period B")), chartSpec.axis(), chartSpec.horizontal());
        }
        return new Table(id, caption, false, headings, tableRows, chart);
    }

    private static Cell cell(Answer answer, String figure, String period) {
        JsonNode value = answer.at(figure);
        if (value.isNull() || value.isMissingNode()) {
            String reason = answer.withheld().get(figure);
            return new Cell(answer.api(), figure, period, reason == null ? "None" : "Withheld (" + withheld(reason) + ")",
                    reason != null);
        }
        return new Cell(answer.api(), figure, period, value.asText(), false);
    }

    /** Period B's figure minus period A's, exactly; none where either is withheld or absent. */
    private static Cell change(Cell a, Cell b) {
        String text;
        if (a.withheld() || b.withheld()) {
            text = "Withheld";
        } else if (a.text().equals("None") || b.text().equals("None")) {
            text = "None";
        } else {
            BigDecimal difference = new BigDecimal(b.text()).subtract(new BigDecimal(a.text()));
            text = difference.signum() == 0 ? "0"
                    : (difference.signum() > 0 ? "+" : "\u2212") + difference.abs().toPlainString();
        }
        return new Cell(a.answer(), a.figure(), "change", text, a.withheld() || b.withheld());
    }

    private static String withheld(String reason) {
        return switch (reason) {
            case "SMALL_COUNT" -> "small count";
            case "DERIVED_FROM_SMALL_COUNT" -> "from a small count";
            case "ONE_PERSON" -> "one person's value";
            default -> reason.toLowerCase(Locale.UK).replace('_', ' ');
        };
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
