package org.signpost.console.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signpost.console.pages.ParticipantActions.Instrument;

/**
 * Each instrument's scores over time, from the participant's OutcomeMeasured events: the points
 * of a line chart drawn as inline SVG by the template (coordinates worked out here, so the
 * template only draws), and the same numbers as a table for those who cannot see the chart.
 * SWEMWBS and UCLA3 have one line (their score); ONS4's items are never summed, so four.
 */
public final class OutcomeCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 24;
    private static final int TOP = 24;
    private static final int BOTTOM = 48;
    /** The design system's blue, dark pink, green and orange: told apart by line dashes as well as colour. */
    private static final List<String> COLOURS = List.of("#005eb8", "#7c2855", "#007f3b", "#ed8b00");
    private static final List<String> DASHES = List.of("none", "8 4", "2 4", "12 4 2 4");

    public record Point(String x, String y, String value, boolean baseline) {
    }

    public record Series(String name, String colour, String dashes, String points, List<Point> dots) {
    }

    public record Tick(String y, String label) {
    }

    public record DateLabel(String x, String text) {
    }

    public record Chart(String instrument, String title, String description, int width, int height, String left,
                 String right, String bottom, List<Tick> ticks, List<DateLabel> dates, List<Series> series,
                 List<String> columns, List<List<String>> rows) {
    }

    private record Measure(String recordedOn, String recordedAt, String timepoint, List<Integer> items,
                           BigDecimal score) {
    }

    private OutcomeCharts() {
    }

    static List<Chart> from(List<Map<String, Object>> history) {
        List<Chart> charts = new ArrayList<>();
        for (Instrument instrument : Instrument.values()) {
            List<Measure> measures = new ArrayList<>();
            for (Map<String, Object> event : history) {
                if (String.valueOf(event.get("type")).endsWith("OutcomeMeasured")
                        && event.get("payload") instanceof Map<?, ?> payload
                        && instrument.name().equals(String.valueOf(payload.get("instrument")))) {
                    List<Integer> items = new ArrayList<>();
                    if (payload.get("itemScores") instanceof List<?> scores) {
                        scores.forEach(score -> items.add(((Number) score).intValue()));
                    }
                    BigDecimal score = payload.get("score") == null ? null : new BigDecimal(String.valueOf(payload.get("score")));
                    measures.add(new Measure(String.valueOf(payload.get("recordedOn")),
                            String.valueOf(event.get("recordedAt")), String.valueOf(payload.get("timepoint")), items, score));
                }
            }
            if (!measures.isEmpty()) {
                measures.sort(Comparator.comparing(Measure::recordedOn).thenComparing(Measure::recordedAt));
                charts.add(chart(instrument, measures));
            }
        }
        return charts;
    }

    private static Chart chart(Instrument instrument, List<Measure> measures) {
        boolean summed = instrument != Instrument.ONS4;
        double min = summed ? (instrument == Instrument.SWEMWBS ? 7 : 3) : 0;
        double max = summed ? (instrument == Instrument.SWEMWBS ? 35 : 9) : 10;
        List<String> names = summed ? List.of(instrument == Instrument.SWEMWBS ? "Metric score" : "Total score")
                : instrument.items;
        List<Series> series = new ArrayList<>();
        for (int line = 0; line < names.size(); line++) {
            List<Point> dots = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < measures.size(); i++) {
                Measure measure = measures.get(i);
                Double value = summed ? (measure.score() == null ? null : measure.score().doubleValue())
                        : (line < measure.items().size() ? Double.valueOf(measure.items().get(line)) : null);
                if (value == null) {
                    continue;
                }
                String x = number(x(i, measures.size()));
                String y = number(y(value, min, max));
                points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
                dots.add(new Point(x, y, shown(instrument, value), "BASELINE".equals(measure.timepoint())));
            }
            series.add(new Series(names.get(line), COLOURS.get(line % COLOURS.size()), DASHES.get(line % DASHES.size()),
                    points.toString(), dots));
        }
        List<Tick> ticks = new ArrayList<>();
        for (double value : List.of(min, (min + max) / 2, max)) {
            ticks.add(new Tick(number(y(value, min, max)), String.format(Locale.ROOT, "%.0f", value)));
        }
        List<DateLabel> dates = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("Date", "Time point"));
        columns.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            dates.add(new DateLabel(number(x(i, measures.size())), ParticipantActions.day(measure.recordedOn())));
            List<String> row = new ArrayList<>(List.of(ParticipantActions.day(measure.recordedOn()),
                    words(measure.timepoint())));
            if (summed) {
                row.add(measure.score() == null ? "" : shown(instrument, measure.score().doubleValue()));
            } else {
                measure.items().forEach(item -> row.add(String.valueOf(item)));
            }
            rows.add(row);
        }
        String description = instrument.title + ": " + measures.size() + (measures.size() == 1 ? " measure" : " measures")
                + " from " + ParticipantActions.day(measures.get(0).recordedOn()) + "; the table below gives each one.";
        return new Chart(instrument.name(), instrument.title, description, WIDTH, HEIGHT, String.valueOf(LEFT),
                String.valueOf(WIDTH - RIGHT), String.valueOf(HEIGHT - BOTTOM), ticks, dates, series, columns, rows);
    }

    private static double x(int index, int count) {
        double span = WIDTH - LEFT - RIGHT - 40;
        return count == 1 ? LEFT + 20 + span / 2 : LEFT + 20 + span * index / (count - 1);
    }

    private static double y(double value, double min, double max) {
        double span = HEIGHT - TOP - BOTTOM;
        return TOP + span * (max - value) / (max - min);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** SWEMWBS's metric score has two decimals; counts and items are whole numbers. */
    private static String shown(Instrument instrument, double value) {
        return instrument == Instrument.SWEMWBS ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value);
    }

    private static String words(String timepoint) {
        String lower = timepoint.toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
