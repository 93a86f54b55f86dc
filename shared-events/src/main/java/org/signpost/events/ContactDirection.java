package org.signpost.events;

public enum ContactDirection {
    INBOUND, OUTBOUND
}
