package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.signpost.events.Instrument;
import org.signpost.events.Timepoint;
import org.signpost.query.metrics.Evaluation.Change;
import org.signpost.query.metrics.Evaluation.Ons4Change;
import org.signpost.query.metrics.Evaluation.OutcomeChange;
import org.signpost.query.metrics.MetricFacts.Measure;

/**
 * Change in outcome measures: per person, the latest REVIEW or EXIT score recorded in the period
 * minus their first BASELINE score (whenever that was), averaged over the people who have both.
 * A baseline taken before the period is the point of comparison, not a reason to leave someone
 * out; a person with a baseline but no later measure in the period is left out.
 */
final class OutcomeChangeMetrics {

    /** Measures in the order they were recorded: by date, then by the participant's sequence. */
    private static final Comparator<Measure> RECORDED = Comparator.comparing(Measure::recordedOn)
            .thenComparingLong(Measure::sequence);

    private static final int LIFE_SATISFACTION = 0;
    private static final int WORTHWHILE = 1;
    private static final int HAPPY = 2;
    private static final int ANXIOUS = 3;

    private OutcomeChangeMetrics() {
    }

    static OutcomeChange in(MetricFacts facts, Period period) {
        // Each instrument's measures grouped by person once, for all the scores read from them.
        Map<Instrument, Map<UUID, List<Measure>>> byInstrument = new EnumMap<>(Instrument.class);
        for (Measure measure : facts.measures()) {
            byInstrument.computeIfAbsent(measure.instrument(), instrument -> new LinkedHashMap<>())
                    .computeIfAbsent(measure.participantId(), id -> new ArrayList<>()).add(measure);
        }
        Map<UUID, List<Measure>> ons4 = byInstrument.getOrDefault(Instrument.ONS4, Map.of());
        return new OutcomeChange(
                change(byInstrument.getOrDefault(Instrument.SWEMWBS, Map.of()), period, Measure::score),
                change(byInstrument.getOrDefault(Instrument.UCLA3, Map.of()), period, Measure::score),
                new Ons4Change(
                        change(ons4, period, item(LIFE_SATISFACTION)),
                        change(ons4, period, item(WORTHWHILE)),
                        change(ons4, period, item(HAPPY)),
                        change(ons4, period, item(ANXIOUS))));
    }

    /** ONS4 items are never summed: each item is its own score. */
    private static Function<Measure, BigDecimal> item(int index) {
        return measure -> index < measure.itemScores().size()
                ? BigDecimal.valueOf(measure.itemScores().get(index)) : null;
    }

    /** A measure without a score (there should be none) cannot be compared: it is passed over. */
    private static Change change(Map<UUID, List<Measure>> byPerson, Period period,
                                 Function<Measure, BigDecimal> score) {
        BigDecimal sum = BigDecimal.ZERO;
        int participants = 0;
        for (List<Measure> measures : byPerson.values()) {
            // The first baseline recorded; of equals, the first met (as a stream's min and max keep).
            Measure baseline = null;
            for (Measure measure : measures) {
                if (measure.timepoint() == Timepoint.BASELINE && score.apply(measure) != null
                        && (baseline == null || RECORDED.compare(measure, baseline) < 0)) {
                    baseline = measure;
                }
            }
            if (baseline == null) {
                continue;
            }
            Measure latest = null;
            for (Measure measure : measures) {
                if (measure.timepoint() != Timepoint.BASELINE && score.apply(measure) != null
                        && period.contains(measure.recordedOn()) && RECORDED.compare(measure, baseline) > 0
                        && (latest == null || RECORDED.compare(measure, latest) > 0)) {
                    latest = measure;
                }
            }
            if (latest != null) {
                sum = sum.add(score.apply(latest).subtract(score.apply(baseline)));
                participants++;
            }
        }
        return new Change(participants, Decimals.mean(sum, participants, Decimals.MEAN));
    }
}
