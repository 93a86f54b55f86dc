package org.signpost.projection;

import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.signpost.projection.ReplayRequests.Condition;
import org.signpost.projection.store.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models from the first event while reads go on. Rather than rewinding each
 * projection's processor (each would read and deserialize the whole store again, event by
 * event, through Axon's per-event machinery), one scan reads the store once and runs every
 * requested projection's own event handlers on each event, in large batches, into a new
 * generation; the live processors keep the old generations current meanwhile. Then each
 * processor is stopped for a moment, the new generation catches up with exactly the events the
 * processor's token has seen, the token is handed over (see {@link TokenHandover}), the new
 * generation becomes the one read, and the processor starts again.
 *
 * <p>Requests that arrive close together share one scan.
 */
@Component
public class ReplayEngine {

    private static final Logger log = LoggerFactory.getLogger(ReplayEngine.class);

    /** How long a request waits for others to join its scan. */
    private static final Duration GATHERING = Duration.ofMillis(250);

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactionManager;
    private final ProjectionGenerations generations;
    private final DataSource dataSource;
    private final EventSource events;
    private final ReadModelStatistics statistics;
    private final List<String> projections;
    private final RebuildPipeline pipeline;
    private final GenerationHandover handover;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("projection-replay"));
    private final AtomicInteger tasks = new AtomicInteger();
    private final ReplayRequests requests = new ReplayRequests();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> caughtUp = new ConcurrentHashMap<>();
    private final ReplayProgress progress = new ReplayProgress(Clock.systemUTC());

    public ReplayEngine(EventProcessingConfiguration processing, TokenStore tokenStore,
                        TransactionManager transactionManager, ProjectionGenerations generations, JdbcTemplate jdbc,
                        DataSource dataSource, EventSource events,
                        List<Projection> projections,
                        ReadModelStatistics statistics) {
        this.statistics = statistics;
        this.processing = processing;
        this.transactionManager = transactionManager;
        this.generations = generations;
        this.dataSource = dataSource;
        this.events = events;
        Map<String, Projection> byName = new LinkedHashMap<>();
        Map<String, AnnotationEventHandlerAdapter> handlers = new LinkedHashMap<>();
        projections.forEach(projection -> {
            handlers.put(projection.name(), new AnnotationEventHandlerAdapter(projection));
            byName.put(projection.name(), projection);
        });
        this.projections = List.copyOf(byName.keySet());
        this.pipeline = new RebuildPipeline(transactionManager, generations, jdbc, events, byName, handlers, progress);
        this.handover = new GenerationHandover(processing, tokenStore, transactionManager, generations, jdbc, events,
                handlers);
    }

    /** Asks for these projections to be rebuilt; returns at once. */
    public synchronized void request(Collection<String> names) {
        names.forEach(requests::unconditional);
        gather(names);
    }

    /**
     * Builds these read models by the replay's scan with their processors paused meanwhile: for
     * read models so far behind that their old generation is of no use to a reader and its
     * processor would only take CPU from the scan. Each is left out if its check no longer holds
     * when this process gets the replay lock (another process has built it meanwhile).
     */
    public synchronized void build(Collection<String> names, Predicate<String> stillNeeded) {
        List<String> asked = names.stream().filter(name -> !replaying(name)).toList();
        asked.forEach(name -> requests.onCondition(name, new Condition(() -> stillNeeded.test(name), true)));
        if (!asked.isEmpty()) {
            gather(asked);
        }
    }

    /**
     * Takes up these interrupted rebuilds, unless another process completes them first (it
     * holds the replay lock meanwhile): a projection whose rebuild is no longer under way when
     * this process gets the lock is left as it is.
     */
    public synchronized void resume(Collection<String> names) {
        names.stream().filter(name -> !replaying(name)).forEach(name ->
                requests.onCondition(name, new Condition(() -> generations.rebuild(name).underWay(), false)));
        gather(names);
    }

    private void gather(Collection<String> names) {
        boolean first = requests.gather(names);
        names.forEach(failures::remove);
        if (first) {
            tasks.incrementAndGet();
            worker.submit(() -> {
                try {
                    runGathered();
                } finally {
                    tasks.decrementAndGet();
                }
            });
        }
    }

    /** Whether nothing is asked for or under way, including the deletion of replaced generations. */
    public boolean idle() {
        return tasks.get() == 0;
    }

    /** Whether a rebuild of this projection is asked for or under way. */
    public boolean replaying(String name) {
        return requests.replaying(name);
    }

    /** Why the last rebuild of this projection failed, if it did. */
    public Optional<String> failure(String name) {
        return Optional.ofNullable(failures.get(name));
    }

    /** How far the replay of this projection under way in this process has got; empty if none is. */
    public Optional<ReplayProgress.Replay> progress(String name) {
        return progress.of(name);
    }

    /** How many events the last hand-over of this projection applied in its catch-up. */
    public long eventsCaughtUp(String name) {
        return caughtUp.getOrDefault(name, 0L);
    }

    /** A rebuild interrupted by the end of its process is taken up again at the next start. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterruptedRebuilds() {
        List<String> interrupted = projections.stream()
                .filter(name -> generations.rebuild(name).underWay()).toList();
        if (!interrupted.isEmpty()) {
            log.info("Resuming the interrupted replay of {}", interrupted);
            resume(interrupted);
        }
    }

    @PreDestroy
    public void stop() {
        worker.shutdownNow();
    }

    private void runGathered() {
        try {
            Thread.sleep(GATHERING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Set<String> names = requests.start();
        ReplayLock lock;
        try {
            lock = ReplayLock.take(dataSource);
        } catch (SQLException | RuntimeException e) {
            log.error("Replay of {} could not start: the replay lock could not be taken", names, e);
            names.forEach(name -> failures.put(name, "The replay lock could not be taken: " + e.getMessage()));
            requests.finished(names);
            return;
        }
        Set<String> gathered = Set.copyOf(names);
        try (lock) {
            names.removeIf(requests::noLongerNeeded);
            if (!names.isEmpty()) {
                replayAndDeleteOld(names);
            }
        } catch (SQLException e) {
            log.warn("Could not release the replay lock; its connection is dropped", e);
        } finally {
            // Those left out above too: they are not under way here.
            requests.finished(gathered);
        }
    }

    private void replayAndDeleteOld(Set<String> names) {
        Set<String> paused = new LinkedHashSet<>();
        try {
            for (String name : names) {
                if (requests.pausesProcessor(name)) {
                    processor(name).shutdownAsync().get(60, TimeUnit.SECONDS);
                    paused.add(name);
                }
            }
            replay(names);
            requests.finished(names);
            // The replaced generations are read by nobody now; their rows go after the replay is done.
            for (String name : names) {
                generations.deleteOldGenerations(name);
            }
            refreshStatistics(names);
        } catch (Exception | LinkageError e) {
            log.error("Replay of {} failed; the active generations stay as they were", names, e);
            for (String name : names) {
                failures.put(name, Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
                try {
                    transactionManager.executeInTransaction(() -> generations.abandonRebuild(name));
                } catch (RuntimeException cleanup) {
                    log.warn("Could not discard the partial generation of {}", name, cleanup);
                }
            }
            restart(paused);
        }
    }

    /** Paused processors go on from where they stood after a failed build (a hand-over starts its own). */
    private void restart(Set<String> paused) {
        for (String name : paused) {
            try {
                StreamingEventProcessor processor = processor(name);
                if (!processor.isRunning()) {
                    processor.start();
                }
            } catch (RuntimeException e) {
                log.error("Could not start the processor of {} again", name, e);
            }
        }
    }

    /** The planner's figures of the rebuilt tables; a failure here leaves a complete replay complete. */
    private void refreshStatistics(Set<String> names) {
        for (String name : names) {
            try {
                statistics.refresh(name);
            } catch (RuntimeException e) {
                log.warn("Could not analyze the rebuilt tables of {}; the periodic check will: {}", name, e.toString());
            }
        }
    }

    private void replay(Set<String> names) throws Exception {
        long started = System.nanoTime();
        progress.begin(names, events.head());
        try {
            Map<String, Integer> building = new LinkedHashMap<>();
            for (String name : names) {
                building.put(name, transactionManager.fetchInTransaction(() -> generations.startRebuild(name)));
            }
            log.info("Replay of {} started into generations {}", names, building.values());
            ScanCoverage coverage = pipeline.rebuild(building);
            long scanned = System.nanoTime();
            handOverAll(building, coverage);
            log.info("Replay of {} complete: {} events up to position {} in {} ms (scan {} ms, hand-over {} ms)", names,
                    coverage.count(), coverage.head(), (System.nanoTime() - started) / 1_000_000,
                    (scanned - started) / 1_000_000, (System.nanoTime() - scanned) / 1_000_000);
        } finally {
            progress.end();
        }
    }

    /**
     * The hand-overs of all the rebuilt projections side by side: each waits for its processor
     * to stop (up to a poll of the processor's own), and they do not depend on one another.
     */
    private void handOverAll(Map<String, Integer> building, ScanCoverage coverage) throws Exception {
        SideBySide.run("projection-hand-over", building,
                (name, generation) -> caughtUp.put(name, handover.handOver(name, generation, coverage)));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }
}
