package org.signpost.events;

/** When in the support episode an outcome measure was taken. */
public enum Timepoint {
    BASELINE, REVIEW, EXIT
}
