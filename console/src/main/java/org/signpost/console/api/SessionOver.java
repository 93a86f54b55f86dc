package org.signpost.console.api;

/** The person's session token can no longer be used or renewed: they must sign in again. */
public final class SessionOver extends RuntimeException {
    public SessionOver(String reason) {
        super(reason);
    }
}
