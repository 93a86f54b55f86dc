package org.signpost.projection;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.Selection;
import org.signpost.projection.store.StoredEvent;
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

    /** Events per batch of statements while rebuilding. */
    private static final int CHUNK = 5_000;
    /** How long a request waits for others to join its scan. */
    private static final Duration GATHERING = Duration.ofMillis(250);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProjectionGenerations generations;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final EventSource events;
    private final ReadModelStatistics statistics;
    private final Map<String, AnnotationEventHandlerAdapter> handlers = new LinkedHashMap<>();
    private final Map<String, Projection> projections = new LinkedHashMap<>();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> daemon("projection-replay", runnable));
    private final java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /**
     * Asked for by {@link #resume} or {@link #build} only: each dropped unless its check still
     * holds once the lock is ours.
     */
    private final Map<String, Condition> onlyIf = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> caughtUp = new ConcurrentHashMap<>();
    private final ReplayProgress progress = new ReplayProgress(java.time.Clock.systemUTC());

    public ReplayEngine(EventProcessingConfiguration processing, TokenStore tokenStore,
                        TransactionManager transactionManager, ProjectionGenerations generations, JdbcTemplate jdbc,
                        DataSource dataSource, EventSource events,
                        List<Projection> projections,
                        ReadModelStatistics statistics) {
        this.statistics = statistics;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.generations = generations;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        projections.forEach(projection -> {
            handlers.put(projection.name(), new AnnotationEventHandlerAdapter(projection));
            this.projections.put(projection.name(), projection);
        });
    }

    /** Asks for these projections to be rebuilt; returns at once. */
    public synchronized void request(Collection<String> names) {
        names.forEach(onlyIf::remove);
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
        asked.forEach(name -> onlyIf.put(name, new Condition(() -> stillNeeded.test(name), true)));
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
                onlyIf.put(name, new Condition(() -> generations.rebuild(name).underWay(), false)));
        gather(names);
    }

    private void gather(Collection<String> names) {
        boolean gathering = !pending.isEmpty();
        pending.addAll(names);
        names.forEach(failures::remove);
        if (!gathering) {
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
        return pending.contains(name) || running.contains(name);
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
        List<String> interrupted = handlers.keySet().stream()
                .filter(name -> generations.rebuild(name).underWay()).toList();
        if (!interrupted.isEmpty()) {
            log.info("Resuming the interrupted replay of {}", interrupted);
            resume(interrupted);
        }
    }

    @jakarta.annotation.PreDestroy
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
        Set<String> names;
        synchronized (this) {
            names = new LinkedHashSet<>(pending);
            running.addAll(names);
            pending.clear();
        }
        ReplayLock lock;
        try {
            lock = ReplayLock.take(dataSource);
        } catch (SQLException | RuntimeException e) {
            log.error("Replay of {} could not start: the replay lock could not be taken", names, e);
            names.forEach(name -> failures.put(name, "The replay lock could not be taken: " + e.getMessage()));
            running.removeAll(names);
            return;
        }
        Set<String> gathered = Set.copyOf(names);
        try (lock) {
            names.removeIf(this::noLongerNeeded);
            if (!names.isEmpty()) {
                replayAndDeleteOld(names);
            }
        } catch (SQLException e) {
            log.warn("Could not release the replay lock; its connection is dropped", e);
        } finally {
            // Those left out above too: they are not under way here.
            running.removeAll(gathered);
        }
    }

    /** What a rebuild asked for by {@link #resume} or {@link #build} is left out without. */
    private record Condition(BooleanSupplier stillNeeded, boolean pausesProcessor) {
    }

    /** Whether a conditional rebuild is no longer needed (its condition goes if so). */
    private boolean noLongerNeeded(String name) {
        Condition condition = onlyIf.get(name);
        if (condition == null || condition.stillNeeded().getAsBoolean()) {
            return false;
        }
        onlyIf.remove(name);
        return true;
    }

    private void replayAndDeleteOld(Set<String> names) {
        Set<String> paused = new LinkedHashSet<>();
        try {
            for (String name : names) {
                Condition condition = onlyIf.remove(name);
                if (condition != null && condition.pausesProcessor()) {
                    processor(name).shutdownAsync().get(60, TimeUnit.SECONDS);
                    paused.add(name);
                }
            }
            replay(names);
            running.removeAll(names);
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
            ScanCoverage coverage = rebuild(building);
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
        sideBySide("projection-hand-over", building, (name, generation) -> handOver(name, generation, coverage));
    }

    /** Something to do for one projection being rebuilt. */
    private interface ForProjection {
        void run(String name, int generation) throws Exception;
    }

    /** Does this for every projection being rebuilt, each on a thread of its own, and waits for all. */
    private static void sideBySide(String threadName, Map<String, Integer> building, ForProjection task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(building.size(), runnable -> daemon(threadName, runnable));
        try {
            List<java.util.concurrent.Future<?>> started = new ArrayList<>();
            building.forEach((name, generation) -> started.add(pool.submit(() -> {
                task.run(name, generation);
                return null;
            })));
            for (java.util.concurrent.Future<?> done : started) {
                try {
                    done.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A daemon thread, not yet started: a replay never keeps the process from stopping. */
    private static Thread daemon(String name, Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** What the scan gives each projection's builder: a chunk of events, or the end of the scan. */
    private record Work(List<EventMessage<?>> messages, boolean end, boolean scanComplete) {

        static Work chunk(List<EventMessage<?>> messages) {
            return new Work(messages, false, false);
        }

        static Work end(boolean scanComplete) {
            return new Work(List.of(), true, scanComplete);
        }
    }

    /**
     * Reads the store once and applies every event to every generation being built. This thread
     * reads (the events are deserialized on a pool beside it) and hands each chunk to every
     * projection's builder, a thread of its own that runs that projection's handlers on it and
     * then its statements: the projections' handlers run side by side, and PostgreSQL
     * works on several of them at once. Each projection's generation is written in one
     * transaction: a half-built generation is never read, and an interrupted one leaves nothing
     * behind; it is rebuilt from the start.
     */
    private ScanCoverage rebuild(Map<String, Integer> building) throws Exception {
        ScanCoverage coverage = new ScanCoverage();
        AtomicReference<Throwable> buildFailure = new AtomicReference<>();
        Map<String, BlockingQueue<Work>> queues = new LinkedHashMap<>();
        List<Thread> builders = new ArrayList<>();
        for (Map.Entry<String, Integer> projection : building.entrySet()) {
            String name = projection.getKey();
            BlockingQueue<Work> queue = new ArrayBlockingQueue<>(2);
            queues.put(name, queue);
            Thread builder = daemon("projection-replay-" + name, () -> {
                long begin = System.nanoTime();
                long[] busy = {0};
                build(name, projection.getValue(), queue, buildFailure, busy);
                log.info("Rebuild of {}: busy {} ms of {} ms", name, busy[0] / 1_000_000,
                        (System.nanoTime() - begin) / 1_000_000);
            });
            builder.start();
            builders.add(builder);
        }
        List<EventMessage<?>> chunk = new ArrayList<>(CHUNK);
        boolean scanComplete = false;
        try {
            events.scan(Selection.everything(), event -> {
                coverage.saw(event.position());
                progress.read(event.position());
                chunk.add(message(event));
                if (chunk.size() == CHUNK) {
                    handOn(List.copyOf(chunk), queues, buildFailure);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                handOn(List.copyOf(chunk), queues, buildFailure);
            }
            scanComplete = true;
            progress.allRead();
        } finally {
            for (BlockingQueue<Work> queue : queues.values()) {
                queue.put(Work.end(scanComplete));
            }
            for (Thread builder : builders) {
                builder.join();
            }
        }
        if (buildFailure.get() != null) {
            throw new IllegalStateException("Rebuilding a generation failed", buildFailure.get());
        }
        attach(building);
        return coverage;
    }

    /** The rebuilt tables become partitions, their indexes built meanwhile: a projection per thread. */
    private void attach(Map<String, Integer> building) throws Exception {
        long begin = System.nanoTime();
        sideBySide("projection-attach", building, (name, generation) ->
                transactionManager.executeInTransaction(() -> generations.attachRebuilt(name, generation)));
        log.info("Rebuilt generations attached, their indexes built, in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private static void handOn(List<EventMessage<?>> chunk, Map<String, BlockingQueue<Work>> queues,
                               AtomicReference<Throwable> buildFailure) {
        if (buildFailure.get() != null) {
            throw new IllegalStateException("Rebuilding a generation failed", buildFailure.get());
        }
        try {
            for (BlockingQueue<Work> queue : queues.values()) {
                queue.put(Work.chunk(chunk));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Replay interrupted", e);
        }
    }

    /**
     * One projection's builder: its handlers on each chunk, whose rows its writer then COPYs in
     * while the builder goes on with the next chunk; after a complete scan, the rows many
     * events changed (kept in memory for the whole scan) go in too. After a failure anywhere
     * the builder only takes chunks off its queue, so the scan never blocks on it, and stops at
     * the end.
     */
    private void build(String name, int generation, BlockingQueue<Work> queue, AtomicReference<Throwable> failure,
                       long[] busy) {
        RebuildRows rows = new RebuildRows();
        Map<Class<?>, Boolean> handled = new java.util.HashMap<>();
        BlockingQueue<Optional<RebuildBatches>> written = new ArrayBlockingQueue<>(2);
        Thread writer = daemon("projection-replay-" + name + "-writer", () -> write(name, generation, written, failure));
        writer.start();
        try {
            while (true) {
                Work work = queue.take();
                if (work.end()) {
                    if (work.scanComplete() && failure.get() == null) {
                        RebuildBatches last = new RebuildBatches(jdbc, name, generation, rows);
                        last.batch(name).copyRebuiltRows();
                        written.put(Optional.of(last));
                    }
                    return;
                }
                if (failure.get() == null) {
                    long begin = System.nanoTime();
                    written.put(Optional.of(apply(name, generation, rows, handled, work.messages())));
                    busy[0] += System.nanoTime() - begin;
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            takeUntil(queue, Work::end);
        } finally {
            try {
                written.put(Optional.empty());
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Makes the rebuilt generation's tables and runs the statements of its chunks, in order,
     * all in one transaction (see {@link ProjectionGenerations#createRebuildTables}), until told
     * to stop. After a failure anywhere it only takes chunks off its queue, and rolls back.
     */
    private void write(String name, int generation, BlockingQueue<Optional<RebuildBatches>> written,
                       AtomicReference<Throwable> failure) {
        boolean[] ended = {false};
        try {
            transactionManager.executeInTransaction(() -> {
                generations.createRebuildTables(name, generation);
                for (Optional<RebuildBatches> next = take(written); next.isPresent(); next = take(written)) {
                    if (failure.get() == null) {
                        next.get().flush();
                    }
                }
                ended[0] = true;
                if (failure.get() != null) {
                    throw new IllegalStateException("Rebuilding " + name + " stopped: another part of the replay failed");
                }
            });
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            if (!ended[0]) {
                takeUntil(written, Optional::isEmpty);
            }
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Replay interrupted", e);
        }
    }

    /** After a failure: keeps taking, so that whoever feeds this queue never blocks on it, until the end. */
    private static <T> void takeUntil(BlockingQueue<T> queue, Predicate<T> end) {
        try {
            while (!end.test(queue.take())) {
                // discarded
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs one projection's handlers on these events; its statements are returned, not run.
     * Events of a type it has no handler for are passed over here, the answer kept per type:
     * Axon would find that out for each such event by matching every handler's parameters.
     */
    private RebuildBatches apply(String name, int generation, RebuildRows rows, Map<Class<?>, Boolean> handled,
                                 List<EventMessage<?>> messages) {
        RebuildBatches batches = new RebuildBatches(jdbc, name, generation, rows);
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(messages.get(0));
        unitOfWork.resources().put(RebuildBatches.RESOURCE, batches);
        try {
            AnnotationEventHandlerAdapter handler = handlers.get(name);
            projections.get(name).beforeRebuildChunk(messages);
            for (EventMessage<?> message : messages) {
                if (handled.computeIfAbsent(message.getPayloadType(), handler::canHandleType)) {
                    handler.handle(message);
                }
            }
            unitOfWork.commit();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw new IllegalStateException("Projection " + name + " failed on an event while replaying", e);
        }
        return batches;
    }

    /**
     * The switch-over of one projection: its processor stops, the rebuilt generation catches up
     * with what the processor's tokens have seen, the tokens are handed over, and, in the same
     * transaction, the rebuilt generation becomes the one read and the dead letters go (they
     * were events the old generation could not take; the new one has taken them or failed).
     */
    private void handOver(String name, int generation, ScanCoverage coverage) throws Exception {
        StreamingEventProcessor processor = processor(name);
        processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        try {
            Map<Segment, TokenHandover> handovers = claimSegments(name, coverage);
            long liveHead = handovers.values().stream().mapToLong(TokenHandover::liveIndex).max().orElse(0);
            List<StoredEvent> catchUp = read(Selection.positions(coverage.head(), liveHead,
                    coverage.gaps().stream().mapToLong(Long::longValue).toArray()));
            SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(name);
            long[] applied = {0};
            transactionManager.executeInTransaction(() -> {
                applied[0] = 0;
                RebuildBatches batches = new RebuildBatches(jdbc, name, generation, null);
                if (!catchUp.isEmpty()) {
                    DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message(catchUp.get(0)));
                    unitOfWork.resources().put(RebuildBatches.RESOURCE, batches);
                    try {
                        for (StoredEvent event : catchUp) {
                            EventMessage<?> message = message(event);
                            TokenHandover handover = handovers.get(segmentOf(message, policy, handovers.keySet()));
                            if (handover.catchesUp(event.position())) {
                                handlers.get(name).handle(message);
                                handover.caughtUp(event.position());
                                applied[0]++;
                            }
                        }
                        unitOfWork.commit();
                    } catch (Exception e) {
                        unitOfWork.rollback(e);
                        throw new IllegalStateException("Projection " + name + " failed on an event while catching up", e);
                    }
                }
                batches.flush();
                handovers.forEach((segment, handover) ->
                        tokenStore.storeToken(handover.handedOver(), name, segment.getSegmentId()));
                generations.completeRebuild(name);
                processing.deadLetterQueue(name).ifPresent(queue -> queue.clear());
                handovers.keySet().forEach(segment -> tokenStore.releaseClaim(name, segment.getSegmentId()));
            });
            caughtUp.put(name, applied[0]);
            log.info("Projection {} reads generation {} now ({} events caught up)", name, generation, applied[0]);
        } finally {
            processor.start();
        }
    }

    /**
     * Claims every segment of the projection's processor (another process may still hold one
     * for a moment after its own processor let go) and reads where each stands.
     */
    private Map<Segment, TokenHandover> claimSegments(String name, ScanCoverage coverage) throws InterruptedException {
        SortedSet<Long> scanGaps = coverage.gaps();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return transactionManager.fetchInTransaction(() -> {
                    int[] ids = tokenStore.fetchSegments(name);
                    if (ids.length == 0) {
                        // The processor never ran here: its segments start where the rebuilt generation stands.
                        tokenStore.initializeTokenSegments(name, 1, null);
                        ids = tokenStore.fetchSegments(name);
                    }
                    Map<Segment, TokenHandover> handovers = new LinkedHashMap<>();
                    for (Segment segment : Segment.computeSegments(ids)) {
                        TrackingToken live = tokenStore.fetchToken(name, segment.getSegmentId());
                        handovers.put(segment, new TokenHandover(coverage, scanGaps, live, events::token));
                    }
                    return handovers;
                });
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Segment segmentOf(EventMessage<?> message, SequencingPolicy<? super EventMessage<?>> policy,
                                     Set<Segment> segments) {
        // As Axon's event handler invoker decides it.
        Object sequence = policy.getSequenceIdentifierFor(message);
        int hash = Objects.hashCode(sequence == null ? message.getIdentifier() : sequence);
        return segments.stream().filter(segment -> segment.matches(hash)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No segment for an event"));
    }

    private List<StoredEvent> read(Selection selection) throws Exception {
        List<StoredEvent> selected = new ArrayList<>();
        events.scan(selection, selected::add);
        return selected;
    }

    private static EventMessage<?> message(StoredEvent event) {
        MetaData metaData = event.metaData() == null ? MetaData.emptyInstance() : event.metaData();
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.position()),
                event.aggregateType(), event.aggregateId(), event.sequence(),
                new SerializedMessage<>(event.eventIdentifier(), event.storedPayload(),
                        new LazyDeserializingObject<>(metaData)), event::recordedAt);
    }

    private StreamingEventProcessor processor(String name) {
        Optional<EventProcessor> processor = processing.eventProcessor(name);
        return processor.filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }
}
