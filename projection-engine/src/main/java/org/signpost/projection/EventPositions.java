package org.signpost.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event's own position in the store. A live processor's tracking token does not say it: when
 * an event commits after later ones (writers commit out of order), it fills a gap, and the
 * token it arrives with stands at the highest position seen, not at its own. Read models that
 * key or order rows by position look it up by the event's identifier (a unique index); the
 * replay's scan knows it exactly.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(EventMessage<?> message, TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken exact) {
            return exact.getGlobalIndex();
        }
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                message.getIdentifier());
    }
}
