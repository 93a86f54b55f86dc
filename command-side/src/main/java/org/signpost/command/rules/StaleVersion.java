package org.signpost.command.rules;

/** The client's If-Match version is not the aggregate's current version (412). */
public class StaleVersion extends RuntimeException {

    private final long currentVersion;

    public StaleVersion(long expected, long currentVersion) {
        super("Expected version " + expected + " but the current version is " + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
