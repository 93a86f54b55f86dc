package org.signpost.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service refused a request the console sent for the signed-in person: its problem+json
 * answer, kept whole so that a page can show the API's own words, field by field.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldProblem> errors;

    /** One refused field of a request body: the API's name of the field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    public ApiProblem(int status, String type, String title, String detail, List<FieldProblem> errors) {
        super(status + " " + title);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The message of each refused field, by the API's field name (the first if several). */
    public Map<String, String> byField() {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(error -> messages.putIfAbsent(error.field(), error.message()));
        return messages;
    }
}
