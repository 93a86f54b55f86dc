package org.signpost.projection;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event's own position in the store. A live processor's tracking token does not say it: when
 * an event commits after later ones (writers commit out of order), it fills a gap, and the
 * token it arrives with stands at the highest position seen, not at its own. Read models that
 * key or order rows by position take it from what the reading of the event remembered
 * ({@link Remembered}), else look it up by the event's identifier (a unique index); the
 * replay's scan knows it exactly.
 */
@Component
public class EventPositions {

    /** The positions of events this process read lately, as the store's rows gave them. */
    @FunctionalInterface
    public interface Remembered {
        OptionalLong of(String eventIdentifier);
    }

    private final JdbcTemplate jdbc;
    private final Remembered remembered;

    @Autowired
    public EventPositions(JdbcTemplate jdbc, ObjectProvider<Remembered> remembered) {
        this(jdbc, remembered.getIfAvailable(() -> eventIdentifier -> OptionalLong.empty()));
    }

    EventPositions(JdbcTemplate jdbc, Remembered remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    public long of(EventMessage<?> message, TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken exact) {
            return exact.getGlobalIndex();
        }
        OptionalLong known = remembered.of(message.getIdentifier());
        if (known.isPresent()) {
            return known.getAsLong();
        }
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                message.getIdentifier());
    }
}
