package org.signpost.projection;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A read model far behind the event store when its query side starts (a new query side on a
 * store that already holds events, read models dropped by a migration, a query side stopped
 * for long while the command side went on) is built by the replay's one scan of the store,
 * its processor paused meanwhile, rather than by its processor event by event. The scan applies
 * every event to all the read models side by side in about half the time the processors take
 * (docs/benchmarks.md), and a reader would have seen a half-built model either way.
 *
 * <p>The check is made as the process starts, just before Axon starts the processors: where
 * their tokens stand then is where the last process left them.
 */
@Component
public class FarBehindReadModels implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FarBehindReadModels.class);

    private final ProjectionAdmin admin;
    private final ReplayEngine replayEngine;
    private final ProjectionGenerations generations;
    private final long lag;
    private volatile boolean started;

    public FarBehindReadModels(ProjectionAdmin admin, ReplayEngine replayEngine, ProjectionGenerations generations,
                               @Value("${signpost.projections.build-by-scan-lag:50000}") long lag) {
        this.admin = admin;
        this.replayEngine = replayEngine;
        this.generations = generations;
        this.lag = lag;
    }

    @Override
    public void start() {
        started = true;
        buildThoseFarBehind();
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Just before Axon starts, processors and all: Spring starts Axon's configuration (its
     * SpringAxonConfiguration) in phase {@code Integer.MAX_VALUE - 3072}.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 3072 - 1;
    }

    /** Asks for a build of every read model far behind the head now; answers which they are. */
    public List<String> buildThoseFarBehind() {
        long head = admin.head();
        List<String> far = admin.names().stream().filter(name -> farBehind(admin.position(name), head)).toList();
        if (!far.isEmpty()) {
            log.info("{} far behind the event store (head {}): built by one scan of the store", far, head);
            // Checked again once the replay lock is ours: another query side may have built one meanwhile,
            // and made its build the generation read.
            Map<String, Integer> read = far.stream().collect(Collectors.toMap(name -> name,
                    name -> generations.rebuild(name).active()));
            replayEngine.build(far, name -> generations.rebuild(name).active() == read.get(name));
        }
        return far;
    }

    /**
     * Behind by at least the configured lag and by more than half of the store. A scan reads
     * the whole store, at about twice the rate a processor applies events at; a processor
     * with less than half of the store still to apply is as quick or quicker, and keeps its
     * read model answering meanwhile.
     */
    boolean farBehind(long position, long head) {
        return head - position >= lag && position < head / 2;
    }
}
