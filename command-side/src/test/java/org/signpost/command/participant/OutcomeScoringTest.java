package org.signpost.command.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.command.rules.InvalidCommand;
import org.signpost.events.Instrument;

/**
 * Validation and scoring of outcome measures against PRODUCT.md: the published SWEMWBS
 * raw-to-metric table, and properties over every valid and invalid list of item scores.
 */
class OutcomeScoringTest {

    private static final int TRIES = 200;

    // ---------------------------------------------------------------- the published SWEMWBS table

    @ParameterizedTest(name = "raw {0} -> metric {1}")
    @CsvSource({
        "7, 7.00", "8, 9.51", "9, 11.25", "10, 12.40", "11, 13.33", "12, 14.08", "13, 14.75", "14, 15.32",
        "15, 15.84", "16, 16.36", "17, 16.88", "18, 17.43", "19, 17.98", "20, 18.59", "21, 19.25", "22, 19.98",
        "23, 20.73", "24, 21.54", "25, 22.35", "26, 23.21", "27, 24.11", "28, 25.03", "29, 26.02", "30, 27.03",
        "31, 28.13", "32, 29.31", "33, 30.70", "34, 32.55", "35, 35.00"
    })
    void swemwbsRawTotalsConvertByThePublishedTable(int raw, String metric) {
        assertThat(OutcomeScoring.swemwbsMetric(raw)).isEqualTo(new BigDecimal(metric));
        assertThat(OutcomeScoring.score(Instrument.SWEMWBS, swemwbsItemsTotalling(raw))).isEqualTo(new BigDecimal(metric));
    }

    @ParameterizedTest(name = "raw {0}")
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 6, 36, Integer.MAX_VALUE})
    void thereIsNoSwemwbsMetricOutsideRawSevenToThirtyFive(int raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> OutcomeScoring.swemwbsMetric(raw));
    }

    // ---------------------------------------------------------------- every valid list

    @Property(tries = TRIES)
    void everyValidSwemwbsScoresOnTheMetricScaleOfItsRawTotal(
            @ForAll @Size(7) List<@IntRange(min = 1, max = 5) Integer> items) {
        assertThatNoException().isThrownBy(() -> OutcomeScoring.validate(Instrument.SWEMWBS, items));

        BigDecimal score = OutcomeScoring.score(Instrument.SWEMWBS, items);

        assertThat(score).isBetween(new BigDecimal("7.00"), new BigDecimal("35.00"));
        assertThat(score.scale()).isEqualTo(2);
        assertThat(score).isEqualTo(OutcomeScoring.swemwbsMetric(sum(items)));
    }

    @Property(tries = TRIES)
    void aHigherSwemwbsRawTotalNeverScoresLower(
            @ForAll @Size(7) List<@IntRange(min = 1, max = 5) Integer> some,
            @ForAll @Size(7) List<@IntRange(min = 1, max = 5) Integer> other) {
        Assume.that(sum(some) != sum(other));
        List<Integer> lower = sum(some) < sum(other) ? some : other;
        List<Integer> higher = lower == some ? other : some;

        assertThat(OutcomeScoring.score(Instrument.SWEMWBS, higher))
                .isGreaterThan(OutcomeScoring.score(Instrument.SWEMWBS, lower));
    }

    @Property(tries = TRIES)
    void theSwemwbsMetricRisesWithEveryRawPoint(@ForAll @IntRange(min = 7, max = 34) int raw) {
        assertThat(OutcomeScoring.swemwbsMetric(raw + 1)).isGreaterThan(OutcomeScoring.swemwbsMetric(raw));
    }

    @Property(tries = TRIES)
    void everyValidUclaScoresItsTotalFromThreeToNine(@ForAll @Size(3) List<@IntRange(min = 1, max = 3) Integer> items) {
        assertThatNoException().isThrownBy(() -> OutcomeScoring.validate(Instrument.UCLA3, items));

        BigDecimal score = OutcomeScoring.score(Instrument.UCLA3, items);

        assertThat(score).isBetween(BigDecimal.valueOf(3), BigDecimal.valueOf(9));
        assertThat(score).isEqualByComparingTo(BigDecimal.valueOf(sum(items)));
    }

    @Property(tries = TRIES)
    void everyValidOns4IsAcceptedAndNeverSummed(@ForAll @Size(4) List<@IntRange(min = 0, max = 10) Integer> items) {
        assertThatNoException().isThrownBy(() -> OutcomeScoring.validate(Instrument.ONS4, items));

        assertThat(OutcomeScoring.score(Instrument.ONS4, items)).isNull();
    }

    // ---------------------------------------------------------------- every invalid list

    @Property(tries = TRIES)
    void oneItemOutOfRangeIsRejectedByItsPosition(
            @ForAll("validMeasures") Measure measure,
            @ForAll @IntRange(min = 0, max = 9) int anyPosition,
            @ForAll boolean belowRange,
            @ForAll @IntRange(min = 1, max = 1000) int distance) {
        Instrument instrument = measure.instrument();
        int position = anyPosition % instrument.items();
        List<Integer> items = new ArrayList<>(measure.items());
        items.set(position, belowRange ? instrument.minItemScore() - distance : instrument.maxItemScore() + distance);

        InvalidCommand invalid = catchThrowableOfType(InvalidCommand.class,
                () -> OutcomeScoring.validate(instrument, items));

        assertThat(invalid).isNotNull();
        assertThat(invalid.field()).isEqualTo("itemScores[" + position + "]");
    }

    @Property(tries = TRIES)
    void aMissingItemIsRejectedByItsPosition(
            @ForAll("validMeasures") Measure measure, @ForAll @IntRange(min = 0, max = 9) int anyPosition) {
        Instrument instrument = measure.instrument();
        int position = anyPosition % instrument.items();
        List<Integer> items = new ArrayList<>(measure.items());
        items.set(position, null);

        InvalidCommand invalid = catchThrowableOfType(InvalidCommand.class,
                () -> OutcomeScoring.validate(instrument, items));

        assertThat(invalid).isNotNull();
        assertThat(invalid.field()).isEqualTo("itemScores[" + position + "]");
    }

    @Property(tries = TRIES)
    void theWrongNumberOfItemsIsRejectedAsAWhole(
            @ForAll Instrument instrument,
            @ForAll @IntRange(min = 0, max = 12) int count,
            @ForAll @IntRange(min = 0, max = 10) int eachItem) {
        Assume.that(count != instrument.items());
        // Even item scores that are out of range: the length is checked first.
        List<Integer> items = Collections.nCopies(count, eachItem);

        InvalidCommand invalid = catchThrowableOfType(InvalidCommand.class,
                () -> OutcomeScoring.validate(instrument, items));

        assertThat(invalid).isNotNull();
        assertThat(invalid.field()).isEqualTo("itemScores");
        assertThat(invalid.getMessage()).isEqualTo(
                instrument + " has " + instrument.items() + " items, " + count + " were given");
    }

    // ---------------------------------------------------------------- helpers

    /** A valid list of item scores for an instrument. */
    record Measure(Instrument instrument, List<Integer> items) {
    }

    @Provide
    Arbitrary<Measure> validMeasures() {
        return Arbitraries.of(Instrument.class).flatMap(instrument -> Arbitraries.integers()
                .between(instrument.minItemScore(), instrument.maxItemScore())
                .list().ofSize(instrument.items())
                .map(items -> new Measure(instrument, items)));
    }

    /** Seven SWEMWBS items of 1 to 5 that add up to {@code raw}. */
    private static List<Integer> swemwbsItemsTotalling(int raw) {
        List<Integer> items = new ArrayList<>(Collections.nCopies(7, 1));
        int left = raw - 7;
        for (int i = 0; i < 7 && left > 0; i++) {
            int add = Math.min(4, left);
            items.set(i, 1 + add);
            left -= add;
        }
        assertThat(sum(items)).isEqualTo(raw);
        return items;
    }

    private static int sum(List<Integer> items) {
        return items.stream().mapToInt(Integer::intValue).sum();
    }
}
