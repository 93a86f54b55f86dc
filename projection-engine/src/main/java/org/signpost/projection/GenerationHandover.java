package org.signpost.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.Selection;
import org.signpost.projection.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The switch-over of a rebuilt generation to its live processor: the processor stops, the
 * generation catches up with what the processor's tokens have seen, the tokens are handed over
 * (see {@link TokenHandover}), the generation becomes the one read, and the processor starts
 * again.
 */
final class GenerationHandover {

    private static final Logger log = LoggerFactory.getLogger(GenerationHandover.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProjectionGenerations generations;
    private final JdbcTemplate jdbc;
    private final EventSource events;
    private final Map<String, AnnotationEventHandlerAdapter> handlers;

    GenerationHandover(EventProcessingConfiguration processing, TokenStore tokenStore,
                       TransactionManager transactionManager, ProjectionGenerations generations, JdbcTemplate jdbc,
                       EventSource events, Map<String, AnnotationEventHandlerAdapter> handlers) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.generations = generations;
        this.jdbc = jdbc;
        this.events = events;
        this.handlers = handlers;
    }

    /**
     * The switch-over of one projection: its processor stops, the rebuilt generation catches up
     * with what the processor's tokens have seen, the tokens are handed over, and, in the same
     * transaction, the rebuilt generation becomes the one read and the dead letters go (they
     * were events the old generation could not take; the new one has taken them or failed).
     */
    long handOver(String name, int generation, ScanCoverage coverage) throws Exception {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
        processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        try {
            Map<Segment, TokenHandover> handovers = claimSegments(name, coverage);
            long liveHead = handovers.values().stream().mapToLong(TokenHandover::liveIndex).max().orElse(0);
            List<StoredEvent> catchUp = read(Selection.positions(coverage.head(), liveHead,
                    coverage.gaps().stream().mapToLong(Long::longValue).toArray()));
            SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(name);
            long applied = transactionManager.fetchInTransaction(() -> {
                long caughtUp = catchUp(name, generation, catchUp, handovers, policy);
                handovers.forEach((segment, handover) ->
                        tokenStore.storeToken(handover.handedOver(), name, segment.getSegmentId()));
                generations.completeRebuild(name);
                processing.deadLetterQueue(name).ifPresent(queue -> queue.clear());
                handovers.keySet().forEach(segment -> tokenStore.releaseClaim(name, segment.getSegmentId()));
                return caughtUp;
            });
            log.info("Projection {} reads generation {} now ({} events caught up)", name, generation, applied);
            return applied;
        } finally {
            processor.start();
        }
    }

    /**
     * Applies to the rebuilt generation the events each segment's token has seen and the scan
     * has not; answers how many.
     */
    private long catchUp(String name, int generation, List<StoredEvent> catchUp, Map<Segment, TokenHandover> handovers,
                         SequencingPolicy<? super EventMessage<?>> policy) {
        long applied = 0;
        RebuildBatches batches = new RebuildBatches(name, new LiveRowBatch(jdbc, generation));
        if (!catchUp.isEmpty()) {
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(catchUp.get(0).message());
            unitOfWork.resources().put(RebuildBatches.RESOURCE, batches);
            try {
                for (StoredEvent event : catchUp) {
                    EventMessage<?> message = event.message();
                    TokenHandover handover = handovers.get(segmentOf(message, policy, handovers.keySet()));
                    if (handover.catchesUp(event.position())) {
                        handlers.get(name).handle(message);
                        handover.caughtUp(event.position());
                        applied++;
                    }
                }
                unitOfWork.commit();
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException("Projection " + name + " failed on an event while catching up", e);
            }
        }
        batches.flush();
        return applied;
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
}
