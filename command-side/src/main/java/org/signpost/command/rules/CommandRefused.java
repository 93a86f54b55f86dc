package org.signpost.command.rules;

/**
 * A business rule refuses the command given the aggregate's current state (409): a second
 * triage, a session for a discharged participant, a date before the referral was received.
 * {@code field} names the request field the rule is about, when there is one.
 */
public class CommandRefused extends RuntimeException {

    private final String field;

    public CommandRefused(String message) {
        this(null, message);
    }

    public CommandRefused(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
