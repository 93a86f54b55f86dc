package org.signpost.command;

/**
 * What a command handler answers: the body for the client and the aggregate's version after
 * the command (the ETag). A retried command gets the answer of its first time.
 */
public record CommandAnswer(Object body, long version) {
}
