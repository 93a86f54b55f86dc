package org.signpost.projection;

import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** The engine's threads are daemons: a replay or a scan never keeps the process from stopping. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named after this, each numbered. */
    public static ThreadFactory named(String name) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(name + "-");
        factory.setDaemon(true);
        return factory;
    }

    /** One thread, not yet started. */
    static Thread thread(String name, Runnable runnable) {
        return named(name).newThread(runnable);
    }
}
