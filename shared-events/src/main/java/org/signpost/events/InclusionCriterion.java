package org.signpost.events;

/** The inclusion criteria a referral is triaged against; a failed one is reported by this name. */
public enum InclusionCriterion {
    /** Aged 11 to 18 (inclusive) on the day the referral was received. */
    AGE_11_TO_18,
    /** Anxiety and/or loneliness among the needs. */
    ANXIETY_OR_LONELINESS
}
