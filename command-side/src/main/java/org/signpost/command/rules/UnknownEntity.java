package org.signpost.command.rules;

/** The command names something inside an aggregate that does not exist, such as a signpost (404). */
public class UnknownEntity extends RuntimeException {

    public UnknownEntity(String message) {
        super(message, null, false, false);
    }
}
