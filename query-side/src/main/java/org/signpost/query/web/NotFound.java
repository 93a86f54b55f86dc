package org.signpost.query.web;

/** Nothing to show: unknown, or not the caller's to see (which is not disclosed). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
