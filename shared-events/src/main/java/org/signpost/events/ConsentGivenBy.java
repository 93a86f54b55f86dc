package org.signpost.events;

public enum ConsentGivenBy {
    YOUNG_PERSON, PARENT_CARER
}
