package org.signpost.platform;

/** What every Signpost process does before Spring starts. */
public final class Startup {

    private Startup() {
    }

    /**
     * No call home and no advertising in the log, whatever the configuration: Axon's update
     * checker honours this system property above all its other settings.
     */
    public static void quietAndPrivate() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
