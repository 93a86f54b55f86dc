package org.signpost.events;

public enum TransportSupport {
    NONE, BUS_PASS, TRAVEL_COSTS
}
