package org.signpost.events;

public enum DischargeReason {
    COMPLETED, DISENGAGED, MOVED_AWAY, ESCALATED, OTHER
}
