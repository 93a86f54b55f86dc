package org.signpost.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuild of a replay: one scan of the store feeding a builder thread per projection, each
 * with a writer thread of its own, into the new generations' tables, which then become their
 * partitions.
 */
final class RebuildPipeline {

    private static final Logger log = LoggerFactory.getLogger(RebuildPipeline.class);

    /** Events per batch of statements while rebuilding. */
    private static final int CHUNK = 5_000;

    private final TransactionManager transactionManager;
    private final ProjectionGenerations generations;
    private final JdbcTemplate jdbc;
    private final EventSource events;
    private final Map<String, Projection> projections;
    private final Map<String, AnnotationEventHandlerAdapter> handlers;
    private final ReplayProgress progress;

    RebuildPipeline(TransactionManager transactionManager, ProjectionGenerations generations, JdbcTemplate jdbc,
                    EventSource events, Map<String, Projection> projections,
                    Map<String, AnnotationEventHandlerAdapter> handlers, ReplayProgress progress) {
        this.transactionManager = transactionManager;
        this.generations = generations;
        this.jdbc = jdbc;
        this.events = events;
        this.projections = projections;
        this.handlers = handlers;
        this.progress = progress;
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
    ScanCoverage rebuild(Map<String, Integer> building) throws Exception {
        ScanCoverage coverage = new ScanCoverage();
        AtomicReference<Throwable> buildFailure = new AtomicReference<>();
        Map<String, BlockingQueue<Work>> queues = new LinkedHashMap<>();
        List<Thread> builders = new ArrayList<>();
        for (Map.Entry<String, Integer> projection : building.entrySet()) {
            String name = projection.getKey();
            BlockingQueue<Work> queue = new ArrayBlockingQueue<>(2);
            queues.put(name, queue);
            Thread builder = DaemonThreads.thread("projection-replay-" + name,
                    () -> build(name, projection.getValue(), queue, buildFailure));
            builder.start();
            builders.add(builder);
        }
        List<EventMessage<?>> chunk = new ArrayList<>(CHUNK);
        boolean scanComplete = false;
        try {
            events.scan(Selection.everything(), event -> {
                coverage.saw(event.position());
                progress.read(event.position());
                chunk.add(event.message());
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
        SideBySide.run("projection-attach", building, (name, generation) ->
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
    private void build(String name, int generation, BlockingQueue<Work> queue, AtomicReference<Throwable> failure) {
        long begin = System.nanoTime();
        long busy = 0;
        RebuildRows rows = new RebuildRows();
        Map<Class<?>, Boolean> handled = new HashMap<>();
        BlockingQueue<Optional<RebuildBatches>> written = new ArrayBlockingQueue<>(2);
        Thread writer = DaemonThreads.thread("projection-replay-" + name + "-writer",
                () -> write(name, generation, written, failure));
        writer.start();
        try {
            while (true) {
                Work work = queue.take();
                if (work.end()) {
                    if (work.scanComplete() && failure.get() == null) {
                        CopyRowBatch last = new CopyRowBatch(jdbc, generation, rows);
                        last.copyRebuiltRows();
                        written.put(Optional.of(new RebuildBatches(name, last)));
                    }
                    return;
                }
                if (failure.get() == null) {
                    long chunkBegin = System.nanoTime();
                    written.put(Optional.of(apply(name, generation, rows, handled, work.messages())));
                    busy += System.nanoTime() - chunkBegin;
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
            log.info("Rebuild of {}: busy {} ms of {} ms", name, busy / 1_000_000, (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /**
     * Makes the rebuilt generation's tables and runs the statements of its chunks, in order,
     * all in one transaction (see {@link ProjectionGenerations#createRebuildTables}), until told
     * to stop. After a failure anywhere it only takes chunks off its queue, and rolls back.
     */
    private void write(String name, int generation, BlockingQueue<Optional<RebuildBatches>> written,
                       AtomicReference<Throwable> failure) {
        AtomicBoolean ended = new AtomicBoolean();
        try {
            transactionManager.executeInTransaction(() -> {
                generations.createRebuildTables(name, generation);
                for (Optional<RebuildBatches> next = take(written); next.isPresent(); next = take(written)) {
                    if (failure.get() == null) {
                        next.get().flush();
                    }
                }
                ended.set(true);
                if (failure.get() != null) {
                    throw new IllegalStateException("Rebuilding " + name + " stopped: another part of the replay failed");
                }
            });
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            if (!ended.get()) {
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
        RebuildBatches batches = new RebuildBatches(name, new CopyRowBatch(jdbc, generation, rows));
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
}
