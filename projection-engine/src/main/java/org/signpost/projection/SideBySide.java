package org.signpost.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a step of a replay for every projection being rebuilt, each on a thread of its own, and waits for all. */
final class SideBySide {

    /** Something to do for one projection being rebuilt, into this generation. */
    interface ForProjection {
        void run(String name, int generation) throws Exception;
    }

    private SideBySide() {
    }

    /** The first failure, in the order of the projections, is thrown; the other tasks are then interrupted. */
    static void run(String threadName, Map<String, Integer> building, ForProjection task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(building.size(), DaemonThreads.named(threadName));
        try {
            List<Future<?>> started = new ArrayList<>();
            building.forEach((name, generation) -> started.add(pool.submit(() -> {
                task.run(name, generation);
                return null;
            })));
            for (Future<?> done : started) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
