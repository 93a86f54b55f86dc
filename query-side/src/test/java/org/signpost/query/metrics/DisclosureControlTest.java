package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.signpost.query.metrics.DisclosureControl.Reason.COMPLEMENTARY;
import static org.signpost.query.metrics.DisclosureControl.Reason.DERIVED_FROM_SUPPRESSED;
import static org.signpost.query.metrics.DisclosureControl.Reason.FEWER_THAN_THRESHOLD;
import static org.signpost.query.metrics.DisclosureControl.Reason.ONE_PERSON;
import static org.signpost.query.metrics.DisclosureControl.Reason.PART_OF_SMALL_TOTAL;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule of disclosure control, one test: which figures are withheld, and why. */
class DisclosureControlTest {

    @Test
    void aCountOfOneToFourPeopleIsWithheldAndZeroAndFiveArePublished() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("none", 0).count("one", 1).count("four", 4).count("five", 5).build();

        assertThat(figures.suppress(5)).isEqualTo(Map.of("one", FEWER_THAN_THRESHOLD, "four", FEWER_THAN_THRESHOLD));
    }

    @Test
    void aCountOfSessionsIsWithheldWhenFewerPeopleThanTheThresholdHadThem() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("sessions of one person", 12, 1).count("sessions of five", 5, 5).build();

        assertThat(figures.suppress(5)).containsOnlyKeys("sessions of one person");
    }

    @Test
    void theNextSmallestPartIsWithheldSoThatTheSmallOneCannotBeWorkedOutFromThePublishedTotal() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("total", 40).count("GP", 3).count("SCHOOL", 20).count("CAMHS", 9).count("SELF", 8).count("OTHER", 0)
                .sum("total", List.of("GP", "SCHOOL", "CAMHS", "SELF", "OTHER")).build();

        assertThat(figures.suppress(5)).isEqualTo(Map.of("GP", FEWER_THAN_THRESHOLD, "SELF", COMPLEMENTARY));
    }

    @Test
    void twoSmallPartsProtectEachOtherAndNeedNoComplement() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("total", 30).count("a", 2).count("b", 3).count("c", 25)
                .sum("total", List.of("a", "b", "c")).build();

        assertThat(figures.suppress(5)).isEqualTo(Map.of("a", FEWER_THAN_THRESHOLD, "b", FEWER_THAN_THRESHOLD));
    }

    /** With one referral, the zeros beside its source would name the source. */
    @Test
    void everyPartOfATotalBelowTheThresholdIsWithheldZerosIncluded() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("total", 1).count("GP", 1).count("SCHOOL", 0).count("CAMHS", 0)
                .sum("total", List.of("GP", "SCHOOL", "CAMHS")).build();

        assertThat(figures.suppress(5)).containsExactly(Map.entry("total", FEWER_THAN_THRESHOLD),
                Map.entry("GP", FEWER_THAN_THRESHOLD), Map.entry("SCHOOL", PART_OF_SMALL_TOTAL),
                Map.entry("CAMHS", PART_OF_SMALL_TOTAL));
    }

    @Test
    void aShareOrRateOfAWithheldCountIsWithheld() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("total", 40).count("GP", 3).derived("GP share", "GP", "total")
                .count("SCHOOL", 37).derived("SCHOOL share", "SCHOOL", "total")
                .derived("mean over all", "total")
                .sum("total", List.of("GP", "SCHOOL")).build();

        assertThat(figures.suppress(5)).containsExactly(Map.entry("GP", FEWER_THAN_THRESHOLD),
                Map.entry("GP share", DERIVED_FROM_SUPPRESSED), Map.entry("SCHOOL", COMPLEMENTARY),
                Map.entry("SCHOOL share", DERIVED_FROM_SUPPRESSED));
    }

    @Test
    void aMeanOverFewerPeopleThanTheThresholdIsWithheldEvenWhenTheirCountIsNotShown() {
        DisclosureControl figures = DisclosureControl.figures()
                .hidden("people waiting", 2, 2).derived("median wait", "people waiting").build();

        assertThat(figures.suppress(5)).isEqualTo(Map.of("median wait", DERIVED_FROM_SUPPRESSED));
    }

    /** 10 seen and 8 referred: publishing both (or the rate) says that 2 were not referred. */
    @Test
    void aSmallRestOfAPublishedTotalWithholdsThePartThatWouldReveal() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("seen", 10).count("referred", 8).derived("rate", "referred", "seen")
                .hidden("not referred", 2, 2).sum("seen", List.of("referred", "not referred")).build();

        assertThat(figures.suppress(5)).containsExactly(Map.entry("referred", COMPLEMENTARY),
                Map.entry("rate", DERIVED_FROM_SUPPRESSED));
    }

    /** The continuity rate and the people seen give the people with one link worker: a hidden count, but known. */
    @Test
    void aHiddenCountThatAPublishedRateRevealsIsWithheldThroughTheRate() {
        DisclosureControl figures = DisclosureControl.figures()
                .count("seen", 10).hidden("continuous", 7, 7).hidden("not continuous", 3, 3)
                .derived("continuity", "continuous", "seen")
                .sum("seen", List.of("continuous", "not continuous")).build();

        assertThat(figures.suppress(5)).isEqualTo(Map.of("continuity", DERIVED_FROM_SUPPRESSED));
    }

    /**
     * A table with its row and column totals published: withholding a second cell in the small
     * one's row is not enough (its column gives it back); a rectangle of four cells is.
     */
    @Test
    void inATableWithBothMarginsTheComplementsMakeARectangle() {
        DisclosureControl.Builder table = DisclosureControl.figures();
        int[][] cells = {{2, 10, 12}, {9, 11, 14}, {13, 15, 16}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                table.count("r" + r + "c" + c, cells[r][c]);
            }
        }
        int total = 0;
        for (int r = 0; r < 3; r++) {
            int row = cells[r][0] + cells[r][1] + cells[r][2];
            table.count("row" + r, row).sum("row" + r, List.of("r" + r + "c0", "r" + r + "c1", "r" + r + "c2"));
            total += row;
        }
        for (int c = 0; c < 3; c++) {
            table.count("column" + c, cells[0][c] + cells[1][c] + cells[2][c])
                    .sum("column" + c, List.of("r0c" + c, "r1c" + c, "r2c" + c));
        }
        table.count("total", total).sum("total", List.of("row0", "row1", "row2"))
                .sum("total", List.of("column0", "column1", "column2"));

        assertThat(table.build().suppress(5)).isEqualTo(Map.of("r0c0", FEWER_THAN_THRESHOLD,
                "r0c1", COMPLEMENTARY, "r1c0", COMPLEMENTARY, "r1c1", COMPLEMENTARY));
    }

    @Test
    void aMinimumOrMaximumIsNeverPublished() {
        DisclosureControl figures = DisclosureControl.figures().count("referrals", 500).single("youngest")
                .single("oldest").build();

        assertThat(figures.suppress(5)).isEqualTo(Map.of("youngest", ONE_PERSON, "oldest", ONE_PERSON));
    }

    @Test
    void aThresholdOfOneWithholdsOnlyOnePersonsValues() {
        DisclosureControl figures = DisclosureControl.figures().count("total", 1).count("GP", 1).count("SELF", 0)
                .sum("total", List.of("GP", "SELF")).single("max").build();

        assertThat(figures.suppress(1)).isEqualTo(Map.of("max", ONE_PERSON));
        assertThatIllegalArgumentException().isThrownBy(() -> figures.suppress(0));
    }
}
