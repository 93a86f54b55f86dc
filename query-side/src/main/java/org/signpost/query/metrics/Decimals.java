package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rounding of every published figure (PRODUCT.md): rates 4 decimals, percentages 1, means 2
 * (or as asked), medians exact; half up; over nothing, 0.
 *
 * <p>Every result is in one canonical form, trailing zeros dropped but at least one decimal
 * (0.2, 1.0, 78.9, 3.0 as in API.md's example), so that equal figures are equal BigDecimals and
 * a figure prints the same in JSON and CSV whatever path computed it.
 */
final class Decimals {

    static final int RATE = 4;
    static final int PERCENT = 1;
    static final int MEAN = 2;

    private Decimals() {
    }

    static BigDecimal rate(long part, long whole) {
        return ratio(BigDecimal.valueOf(part), whole, RATE);
    }

    /** From the exact fraction, not from the rounded rate: 30/38 is 78.9 %, not 79.0 %. */
    static BigDecimal percent(long part, long whole) {
        return ratio(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)), whole, PERCENT);
    }

    static BigDecimal mean(BigDecimal sum, long count, int decimals) {
        return ratio(sum, count, decimals);
    }

    static BigDecimal mean(long sum, long count) {
        return ratio(BigDecimal.valueOf(sum), count, MEAN);
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static BigDecimal median(List<Integer> values) {
        if (values.isEmpty()) {
            return canonical(BigDecimal.ZERO);
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return canonical(BigDecimal.valueOf(sorted.get(middle)));
        }
        BigDecimal twoMiddle = BigDecimal.valueOf((long) sorted.get(middle - 1) + sorted.get(middle));
        return canonical(twoMiddle.divide(BigDecimal.valueOf(2)));
    }

    private static BigDecimal ratio(BigDecimal numerator, long denominator, int decimals) {
        if (denominator == 0) {
            return canonical(BigDecimal.ZERO);
        }
        return canonical(numerator.divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP));
    }

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }
}
