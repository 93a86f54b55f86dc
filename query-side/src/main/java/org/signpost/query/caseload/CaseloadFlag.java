package org.signpost.query.caseload;

/** What a link worker should look at for a participant today. */
public enum CaseloadFlag {
    /** No session or contact for more than 14 days. */
    NO_CONTACT_14_DAYS,
    /** The 12-week entitlement (plus extensions) ends within 2 weeks. */
    ENTITLEMENT_ENDING,
    /** The entitlement has run out, or a session was recorded beyond it. */
    BEYOND_ENTITLEMENT,
    /** A session was held more than 30 minutes' walk from home. */
    SESSION_OVER_30_MINUTES_WALK,
    /** A safeguarding concern raised during this episode is still open. */
    SAFEGUARDING_CONCERN
}
