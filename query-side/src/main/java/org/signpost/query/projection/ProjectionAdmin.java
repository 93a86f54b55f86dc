package org.signpost.query.projection;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Operates the projections: where each stands against the head of the event store, its dead
 * letters, and replays that rebuild a read model from the first event while reads go on.
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProjectionGenerations generations;
    private final JdbcTemplate jdbc;

    public ProjectionAdmin(EventProcessingConfiguration processing, TokenStore tokenStore,
                           TransactionManager transactionManager, ProjectionGenerations generations, JdbcTemplate jdbc) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.generations = generations;
        this.jdbc = jdbc;
    }

    /** One projection as GET /api/projections shows it. */
    public record Status(String name, long position, long headPosition, long lag, String status, long deadLetters) {
    }

    public List<Status> statuses() {
        long head = head();
        return ProjectionNames.ALL.stream().map(name -> status(name, head)).toList();
    }

    public boolean exists(String name) {
        return ProjectionNames.ALL.contains(name);
    }

    /**
     * Rebuilds a read model from the first event: the processor stops, its tokens go back to the
     * start (the projection's reset handler opens a new generation), its dead letters are
     * cleared, and it starts again. Reads keep using the old generation until the new one has
     * caught up (see {@link #completeCaughtUpRebuilds()}).
     */
    public void replay(String name) throws Exception {
        StreamingEventProcessor processor = processor(name);
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        processor.resetTokens();
        deadLetters(name).ifPresent(queue -> transactionManager.executeInTransaction(queue::clear));
        processor.start();
        log.info("Replay of projection {} started", name);
    }

    /** A rebuilt generation that has reached the head as it was at the start of its replay becomes the one read. */
    @Scheduled(fixedDelayString = "${signpost.projections.rebuild-check-interval:500}")
    public void completeCaughtUpRebuilds() {
        for (String name : ProjectionNames.ALL) {
            ProjectionGenerations.Rebuild rebuild = generations.rebuild(name);
            if (rebuild.underWay() && position(name) >= rebuild.head()) {
                transactionManager.executeInTransaction(() -> generations.completeRebuild(name));
                log.info("Replay of projection {} complete: generation {} is now read", name, rebuild.building());
            }
        }
    }

    private Status status(String name, long head) {
        long position = position(name);
        StreamingEventProcessor processor = processor(name);
        String state;
        if (processor.isError()) {
            state = "ERROR";
        } else if (!processor.isRunning()) {
            state = "STOPPED";
        } else if (generations.rebuild(name).underWay()) {
            state = "REPLAYING";
        } else {
            state = "RUNNING";
        }
        long deadLetters = deadLetters(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        return new Status(name, position, head, Math.max(0, head - position), state, deadLetters);
    }

    /** The position every segment has reached (their minimum), from the token store: true across processes. */
    public long position(String name) {
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name));
        if (segments.length == 0) {
            return 0;
        }
        long lowest = Long.MAX_VALUE;
        for (int segment : segments) {
            TrackingToken token = transactionManager.fetchInTransaction(() -> tokenStore.fetchToken(name, segment));
            OptionalLong position = token == null ? OptionalLong.empty() : token.position();
            lowest = Math.min(lowest, position.orElse(0L));
        }
        return lowest;
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    public Optional<SequencedDeadLetterQueue<org.axonframework.eventhandling.EventMessage<?>>> deadLetters(String name) {
        return processing.deadLetterQueue(name);
    }

    private StreamingEventProcessor processor(String name) {
        Optional<EventProcessor> processor = processing.eventProcessor(name);
        return processor.filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }
}
