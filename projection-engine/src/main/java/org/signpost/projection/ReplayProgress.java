package org.signpost.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * How far the replay under way in this process has got, for {@code GET /api/projections}:
 * counted where the rebuild's scan reads each event of the store ({@link ReplayEngine}). Events
 * are counted by position: the scan has read every event up to {@code eventsDone}, and it reads
 * up to the head the store had when the replay began. Only the process that runs the replay
 * knows it; another query side of the same database shows the status REPLAYING without it.
 */
public final class ReplayProgress {

    /** Reading the event store. */
    static final String READING_EVENTS = "READING_EVENTS";
    /** Every event read: the rebuilt tables get their indexes, catch up and become the ones read. */
    static final String SWITCHING_OVER = "SWITCHING_OVER";

    /** A replay under way, as each projection it rebuilds shows it. */
    @Schema(description = "A replay under way in the process that answers: present while it runs, absent otherwise.")
    public record Replay(
            @Schema(description = "The position of the event store the replay has read up to (every event up to it read)")
            long eventsDone,
            @Schema(description = "The head of the event store when the replay began: what it reads up to")
            long eventsToDo,
            @Schema(description = "Events read per second since the first was read (at least 1 once one is; "
                    + "once all are, the rate of the whole read)")
            long eventsPerSecond,
            @Schema(description = "Seconds until every event is read at that rate; absent before the first event "
                    + "is read and once all are", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) Long secondsLeft,
            @Schema(description = "When the replay began")
            Instant startedAt,
            @Schema(description = "READING_EVENTS, then SWITCHING_OVER: the rebuilt read model gets its indexes, "
                    + "catches up with events stored meanwhile and becomes the one read",
                    allowableValues = {READING_EVENTS, SWITCHING_OVER})
            String stage) {
    }

    /** One replay: the projections it rebuilds share its scan. */
    private record Run(Set<String> names, Instant startedAt, long eventsToDo, Counter counter) {
    }

    /** Written by the scan's thread only; read by any. */
    private static final class Counter {
        private volatile long done;
        private volatile long firstReadAt;
        private volatile long allReadAt;
        private volatile boolean allRead;
    }

    private final Clock clock;
    private volatile Run current;

    ReplayProgress(Clock clock) {
        this.clock = clock;
    }

    /** A replay of these projections begins; the store's head is what it reads up to. */
    void begin(Collection<String> names, long head) {
        current = new Run(Set.copyOf(names), clock.instant(), head, new Counter());
    }

    /** The scan has read the event at this position. */
    void read(long position) {
        Run run = current;
        if (run == null) {
            return;
        }
        Counter counter = run.counter();
        if (counter.firstReadAt == 0) {
            counter.firstReadAt = System.nanoTime();
        }
        // A stream may hand on an event of a late-committed transaction after later positions.
        if (position > counter.done) {
            counter.done = position;
        }
    }

    /** The scan has read every event. */
    void allRead() {
        Run run = current;
        if (run != null) {
            run.counter().allReadAt = System.nanoTime();
            run.counter().allRead = true;
        }
    }

    /** The replay is over, done or failed. */
    void end() {
        current = null;
    }

    /** How far the replay of this projection has got, if this process is running one. */
    Optional<Replay> of(String name) {
        Run run = current;
        if (run == null || !run.names().contains(name)) {
            return Optional.empty();
        }
        Counter counter = run.counter();
        long done = counter.done;
        // Events stored between reading the head and the scan's start are read too.
        long toDo = Math.max(run.eventsToDo(), done);
        boolean allRead = counter.allRead;
        long perSecond = 0;
        long firstReadAt = counter.firstReadAt;
        if (firstReadAt != 0) {
            // Once all are read, the rate of the whole read.
            long nanos = Math.max(1, (allRead ? counter.allReadAt : System.nanoTime()) - firstReadAt);
            perSecond = Math.max(1, Math.round(done * 1e9 / nanos));
        }
        Long secondsLeft = allRead || perSecond == 0 ? null : (toDo - done + perSecond - 1) / perSecond;
        return Optional.of(new Replay(done, toDo, perSecond, secondsLeft, run.startedAt(),
                allRead ? SWITCHING_OVER : READING_EVENTS));
    }
}
