package org.signpost.events;

public enum AccompaniedBy {
    NONE, PARENT_CARER, OTHER
}
