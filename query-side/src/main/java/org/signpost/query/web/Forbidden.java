package org.signpost.query.web;

/** The caller's role may see this kind of data, but not this instance of it. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
