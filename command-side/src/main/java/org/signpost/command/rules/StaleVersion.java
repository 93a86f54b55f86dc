package org.signpost.command.rules;

/** The client's If-Match version is not the aggregate's current version (412). */
public class StaleVersion extends RuntimeException {

    private final long currentVersion;

    /** @param expected negative for an If-Match that names no version at all (a tag that is not a number) */
    public StaleVersion(long expected, long currentVersion) {
        super((expected < 0 ? "If-Match names no version of this record" : "Expected version " + expected)
                + " but the current version is " + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
