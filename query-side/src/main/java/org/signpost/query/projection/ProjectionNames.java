package org.signpost.query.projection;

import java.util.List;

/** The read models; each is fed by its own pooled streaming event processor of the same name. */
public final class ProjectionNames {

    public static final String REFERRALS = "referrals";
    public static final String CASELOAD = "caseload";
    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String EVALUATION_METRICS = "evaluation-metrics";
    public static final List<String> ALL = List.of(REFERRALS, CASELOAD, AUDIT_TRAIL, EVALUATION_METRICS);
    /** The names as the OpenAPI document lists them (an annotation needs a constant). */
    static final String LISTED = REFERRALS + ", " + CASELOAD + ", " + AUDIT_TRAIL + ", " + EVALUATION_METRICS;

    private ProjectionNames() {
    }
}
