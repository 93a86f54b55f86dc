package org.signpost.command.rules;

/**
 * The command is invalid in itself, whatever the state (400): a date in the future, scores out
 * of their instrument's range. {@code field} is the request field at fault.
 */
public class InvalidCommand extends RuntimeException {

    private final String field;

    public InvalidCommand(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
