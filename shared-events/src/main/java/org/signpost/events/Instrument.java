package org.signpost.events;

/**
 * Validated outcome-measure instruments, with the shape of their item scores.
 * SWEMWBS is (c) NHS Health Scotland, University of Warwick and University of Edinburgh, 2008;
 * its use requires registration, and this notice must be shown where its scores are.
 */
public enum Instrument {
    /** Short Warwick-Edinburgh Mental Wellbeing Scale: 7 items, each 1 to 5. */
    SWEMWBS(7, 1, 5),
    /** UCLA 3-item loneliness scale: 3 items, each 1 to 3 (total 3 to 9). */
    UCLA3(3, 1, 3),
    /**
     * ONS personal wellbeing: 4 items, each 0 to 10, in the order life satisfaction, worthwhile,
     * happy yesterday, anxious yesterday. Never summed.
     */
    ONS4(4, 0, 10);

    private final int items;
    private final int minItemScore;
    private final int maxItemScore;

    Instrument(int items, int minItemScore, int maxItemScore) {
        this.items = items;
        this.minItemScore = minItemScore;
        this.maxItemScore = maxItemScore;
    }

    public int items() {
        return items;
    }

    public int minItemScore() {
        return minItemScore;
    }

    public int maxItemScore() {
        return maxItemScore;
    }
}
