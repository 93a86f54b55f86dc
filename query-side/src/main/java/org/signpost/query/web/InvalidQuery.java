package org.signpost.query.web;

/** A query parameter that is wrong in itself (400), naming the parameter. */
public class InvalidQuery extends RuntimeException {

    private final String field;

    public InvalidQuery(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
