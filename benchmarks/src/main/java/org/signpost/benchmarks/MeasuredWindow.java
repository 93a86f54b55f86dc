package org.signpost.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load of N client threads: they run from the start, are counted only during the measured
 * window that follows the warm-up, and stop at its end. What a client did before or after the
 * window does not count.
 */
final class MeasuredWindow {

    /** What each client thread does until {@code running} turns false; it counts while {@code counting}. */
    @FunctionalInterface
    interface Client {
        void run(AtomicBoolean running, AtomicBoolean counting) throws Exception;
    }

    private MeasuredWindow() {
    }

    /** Runs the clients and answers the length of the measured window in seconds. */
    static double run(int clients, int warmupSeconds, int seconds, Client client) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    client.run(running, counting);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(warmupSeconds * 1000L);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return elapsed;
    }
}
