package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return new OutcomeChange(
                change(facts, period, Instrument.SWEMWBS, Measure::score),
                change(facts, period, Instrument.UCLA3, Measure::score),
                new Ons4Change(
                        change(facts, period, Instrument.ONS4, item(LIFE_SATISFACTION)),
                        change(facts, period, Instrument.ONS4, item(WORTHWHILE)),
                        change(facts, period, Instrument.ONS4, item(HAPPY)),
                        change(facts, period, Instrument.ONS4, item(ANXIOUS))));
    }

    /** ONS4 items are never summed: each item is its own score. */
    private static Function<Measure, BigDecimal> item(int index) {
        return measure -> index < measure.itemScores().size()
                ? BigDecimal.valueOf(measure.itemScores().get(index)) : null;
    }

    private static Change change(MetricFacts facts, Period period, Instrument instrument,
                                 Function<Measure, BigDecimal> score) {
        Map<UUID, List<Measure>> byPerson = new LinkedHashMap<>();
        for (Measure measure : facts.measures()) {
            // A measure without a score (there should be none) cannot be compared.
            if (measure.instrument() == instrument && score.apply(measure) != null) {
                byPerson.computeIfAbsent(measure.participantId(), id -> new ArrayList<>()).add(measure);
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        int participants = 0;
        for (List<Measure> measures : byPerson.values()) {
            Optional<Measure> baseline = measures.stream()
                    .filter(m -> m.timepoint() == Timepoint.BASELINE)
                    .min(RECORDED);
            if (baseline.isEmpty()) {
                continue;
            }
            Optional<Measure> latest = measures.stream()
                    .filter(m -> m.timepoint() != Timepoint.BASELINE)
                    .filter(m -> period.contains(m.recordedOn()))
                    .filter(m -> RECORDED.compare(m, baseline.get()) > 0)
                    .max(RECORDED);
            if (latest.isPresent()) {
                sum = sum.add(score.apply(latest.get()).subtract(score.apply(baseline.get())));
                participants++;
            }
        }
        return new Change(participants, Decimals.mean(sum, participants, Decimals.MEAN));
    }
}
