package org.signpost.events;

import java.time.LocalDate;

/**
 * A participant's entitlement to support: 12 weeks from their first session, plus the weeks of
 * any extension a manager agreed. One rule, read by the command side (a session on or after its
 * end is beyond entitlement) and the query side (the caseload's weeks and flags).
 */
public final class Entitlement {

    public static final int WEEKS = 12;

    private Entitlement() {
    }

    /** The first day beyond the entitlement. */
    public static LocalDate endsOn(LocalDate firstSessionOn, int extensionWeeks) {
        return firstSessionOn.plusWeeks(WEEKS + extensionWeeks);
    }
}
