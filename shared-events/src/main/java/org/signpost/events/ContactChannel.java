package org.signpost.events;

public enum ContactChannel {
    TEXT, PHONE, EMAIL
}
