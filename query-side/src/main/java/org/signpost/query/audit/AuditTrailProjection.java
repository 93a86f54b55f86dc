package org.signpost.query.audit;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.signpost.events.SignpostEvent;
import org.signpost.platform.axon.MetaDataKeys;
import org.signpost.query.projection.EventPositions;
import org.signpost.query.projection.Projection;
import org.signpost.query.projection.ProjectionGenerations;
import org.signpost.query.projection.ProjectionNames;
import org.signpost.query.projection.RowInsert;
import org.signpost.query.projection.Utf8Text;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event of every referral and participant, in order: its position in the store, its
 * sequence in its aggregate, its business date, when it was recorded, by whom, in which role,
 * for which request, and its full payload.
 */
@Component
@ProcessingGroup(ProjectionNames.AUDIT_TRAIL)
public class AuditTrailProjection extends Projection {

    private static final RowInsert AUDIT_EVENT = RowInsert.into("audit_event", "position", "aggregate_id",
            "aggregate_type", "sequence", "type", "occurred_on", "recorded_at", "actor", "role", "correlation_id",
            "payload");

    private final Serializer eventSerializer;
    private final EventPositions positions;

    public AuditTrailProjection(JdbcTemplate jdbc, ProjectionGenerations generations,
                                @Qualifier("eventSerializer") Serializer eventSerializer, EventPositions positions) {
        super(ProjectionNames.AUDIT_TRAIL, jdbc, generations);
        this.eventSerializer = eventSerializer;
        this.positions = positions;
    }

    @EventHandler
    void on(SignpostEvent event, EventMessage<?> message, TrackingToken token) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return;
        }
        long position = positions.of(message, token);
        insert(AUDIT_EVENT, position, domain.getAggregateIdentifier(), domain.getType(), domain.getSequenceNumber(),
                event.getClass().getSimpleName(), event.occurredOn(), Timestamp.from(message.getTimestamp()),
                text(message, MetaDataKeys.ACTOR), text(message, MetaDataKeys.ROLE),
                text(message, MetaDataKeys.CORRELATION_ID), storedPayload(message));
    }

    /**
     * The payload as the store holds it, its personal values sealed as they are there: read from
     * the store, it is taken as it is (no second serialization, no second encryption of each
     * value, which made up a third of a replay's time); any other message is serialized as the
     * store would.
     */
    private Utf8Text storedPayload(EventMessage<?> message) {
        return new Utf8Text(message.serializePayload(eventSerializer, byte[].class).getData());
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
