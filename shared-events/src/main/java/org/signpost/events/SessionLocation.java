package org.signpost.events;

public enum SessionLocation {
    HOME, SCHOOL, COMMUNITY_VENUE, OFFICE, ONLINE, PHONE
}
