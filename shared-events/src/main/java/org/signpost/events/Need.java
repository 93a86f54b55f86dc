package org.signpost.events;

/** The young person's needs as the referrer sees them; the inclusion criteria look at these. */
public enum Need {
    ANXIETY, LONELINESS, OTHER;

    public boolean meetsInclusion() {
        return this == ANXIETY || this == LONELINESS;
    }
}
