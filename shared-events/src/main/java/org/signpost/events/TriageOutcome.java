package org.signpost.events;

public enum TriageOutcome {
    ACCEPTED, REDIRECTED, DECLINED
}
