package org.signpost.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.signpost.projection.store.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operates the projections: where each stands against the head of the event store, its dead
 * letters, and replays that rebuild a read model from the first event while reads go on.
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionGenerations generations;
    private final JdbcTemplate jdbc;
    private final ReplayEngine replayEngine;
    private final Serializer serializer;
    private final EventSource events;
    private final ReadModels readModels;

    public ProjectionAdmin(EventProcessingConfiguration processing, ProjectionGenerations generations, JdbcTemplate jdbc,
                           ReplayEngine replayEngine, Serializer serializer, EventSource events, ReadModels readModels) {
        this.processing = processing;
        this.readModels = readModels;
        this.events = events;
        this.serializer = serializer;
        this.generations = generations;
        this.jdbc = jdbc;
        this.replayEngine = replayEngine;
    }

    /**
     * One projection as GET /api/projections shows it: while this process replays it, how far the
     * replay has got ({@code replay}); after a replay failed, why ({@code replayFailure}).
     */
    public record Status(String name, long position, long headPosition, long lag, String status, long deadLetters,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ReplayProgress.Replay replay,
                         @Schema(description = "Why the last replay failed: present while the status is REPLAY_FAILED",
                                 nullable = true)
                         @JsonInclude(JsonInclude.Include.NON_NULL) String replayFailure) {
    }

    public List<Status> statuses() {
        long head = head();
        return readModels.names().stream().map(name -> status(name, head)).toList();
    }

    /** The read models it operates, in the order they are declared. */
    public List<String> names() {
        return readModels.names();
    }

    public boolean exists(String name) {
        return readModels.exists(name);
    }

    /**
     * Rebuilds a read model from the first event into a new generation while the active one
     * answers reads and stays current; see {@link ReplayEngine}. Returns at once.
     */
    public void replay(String name) {
        replay(List.of(name));
    }

    /** Rebuilds these read models from one read of the event store. */
    public void replay(Collection<String> names) {
        replayEngine.request(names);
        log.info("Replay of {} requested", names);
    }

    /** Whether no replay is asked for or under way, and the generations they replaced are deleted. */
    public boolean replaysIdle() {
        return replayEngine.idle();
    }

    /** Whether a replay of this projection is asked for or under way. */
    public boolean replaying(String name) {
        return replayEngine.replaying(name) || generations.rebuild(name).underWay();
    }

    private Status status(String name, long head) {
        long position = position(name);
        StreamingEventProcessor processor = processor(name);
        String state;
        if (processor.isError()) {
            state = "ERROR";
        } else if (replaying(name)) {
            // Its processor may be stopped meanwhile: for the hand-over, or for a whole build (FarBehindReadModels).
            state = "REPLAYING";
        } else if (!processor.isRunning()) {
            state = "STOPPED";
        } else if (replayEngine.failure(name).isPresent()) {
            state = "REPLAY_FAILED";
        } else {
            state = "RUNNING";
        }
        long deadLetters = deadLetters(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        ReplayProgress.Replay replay = state.equals("REPLAYING") ? replayEngine.progress(name).orElse(null) : null;
        String failure = state.equals("REPLAY_FAILED") ? replayEngine.failure(name).orElse(null) : null;
        return new Status(name, position, head, Math.max(0, head - position), state, deadLetters, replay, failure);
    }

    /**
     * The position every segment has reached (their minimum), read from the token table: true
     * across processes.
     */
    public long position(String name) {
        List<TrackingToken> tokens = tokens(name);
        if (tokens.isEmpty()) {
            return 0;
        }
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            OptionalLong position = token == null ? OptionalLong.empty() : token.position();
            lowest = Math.min(lowest, position.orElse(0L));
        }
        return lowest;
    }

    /**
     * Each segment's token as the token table holds it in the caller's transaction (null for a
     * segment that has seen nothing yet). Read, not fetched through the token store, which would
     * claim each segment and fail on those another process holds.
     */
    public List<TrackingToken> tokens(String name) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, i) -> {
                    byte[] token = rs.getBytes("token");
                    return token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null));
                }, name);
    }

    public long head() {
        return events.head();
    }

    /**
     * What a retry of a projection's dead letters did: how many sequences (each the dead letters
     * of one sequence of events, such as an aggregate's, in order) were applied, and how many are left.
     */
    public record Retry(String name, int applied, long deadLetters, String outcome) {
    }

    /**
     * Applies the projection's dead-lettered sequences again, oldest first, each in a transaction
     * of its own; stops at the first that still fails, which stays dead-lettered as it was.
     */
    public Retry retryDeadLetters(String name) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + name));
        long sequences = deadLetters(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        int applied = 0;
        String outcome = "APPLIED";
        for (long attempt = 0; attempt < sequences; attempt++) {
            try {
                if (!processor.processAny()) {
                    outcome = "STILL_FAILING";
                    break;
                }
                applied++;
            } catch (RuntimeException e) {
                // The dead letter stays as it was; the cause is in the log (read models hold no clear personal data).
                log.warn("Retry of a dead letter of {} failed", name, e);
                outcome = "STILL_FAILING";
                break;
            }
        }
        long left = deadLetters(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        log.info("Retried dead letters of {}: {} sequences applied, {} left", name, applied, left);
        return new Retry(name, applied, left, left == 0 ? "APPLIED" : outcome);
    }

    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters(String name) {
        return processing.deadLetterQueue(name);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }
}
