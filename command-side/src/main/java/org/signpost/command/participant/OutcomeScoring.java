package org.signpost.command.participant;

import java.math.BigDecimal;
import java.util.List;
import org.signpost.command.rules.InvalidCommand;
import org.signpost.events.Instrument;

/**
 * Validates item scores against their instrument and scores them. SWEMWBS is reported on the
 * metric scale of the official raw-to-metric conversion table; UCLA3 is the total of its
 * items; ONS4 items are never summed. SWEMWBS is (c) NHS Health Scotland, University of Warwick
 * and University of Edinburgh, 2008.
 */
public final class OutcomeScoring {

    /** Metric score for the raw totals 7 to 35, in order. */
    private static final String[] SWEMWBS_METRIC = {
        "7.00", "9.51", "11.25", "12.40", "13.33", "14.08", "14.75", "15.32", "15.84", "16.36",
        "16.88", "17.43", "17.98", "18.59", "19.25", "19.98", "20.73", "21.54", "22.35", "23.21",
        "24.11", "25.03", "26.02", "27.03", "28.13", "29.31", "30.70", "32.55", "35.00"
    };

    private OutcomeScoring() {
    }

    public static void validate(Instrument instrument, List<Integer> itemScores) {
        if (itemScores.size() != instrument.items()) {
            throw new InvalidCommand("itemScores",
                    instrument + " has " + instrument.items() + " items, " + itemScores.size() + " were given");
        }
        for (int i = 0; i < itemScores.size(); i++) {
            Integer score = itemScores.get(i);
            if (score == null || score < instrument.minItemScore() || score > instrument.maxItemScore()) {
                throw new InvalidCommand("itemScores[" + i + "]", "must be from " + instrument.minItemScore()
                        + " to " + instrument.maxItemScore() + " for " + instrument);
            }
        }
    }

    /** The score reported for valid item scores, or null for ONS4. */
    public static BigDecimal score(Instrument instrument, List<Integer> itemScores) {
        int raw = itemScores.stream().mapToInt(Integer::intValue).sum();
        return switch (instrument) {
            case SWEMWBS -> swemwbsMetric(raw);
            case UCLA3 -> BigDecimal.valueOf(raw);
            case ONS4 -> null;
        };
    }

    public static BigDecimal swemwbsMetric(int rawTotal) {
        if (rawTotal < 7 || rawTotal > 35) {
            throw new IllegalArgumentException("SWEMWBS raw total out of 7..35: " + rawTotal);
        }
        return new BigDecimal(SWEMWBS_METRIC[rawTotal - 7]);
    }
}
