package org.signpost.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.signpost.platform.integrity.RowMac;

/**
 * Appends events as Axon's JDBC engine does, each with its row MAC ({@link RowMac}) over exactly
 * the values written, so that the chain's check can tell the service's events from rows inserted
 * by anyone else. The timestamp is written as the engine's own writer writes it (Axon's ISO-8601
 * text), here rather than by the writer so that the MAC covers the very text stored.
 */
final class EventAppendsWithRowMac implements AppendEventsStatementBuilder {

    private final RowMac rowMac;

    EventAppendsWithRowMac(RowMac rowMac) {
        this.rowMac = rowMac;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                        schema.metaDataColumn(), RowMac.COLUMN)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String payloadType = payload.getType().getName();
            String payloadRevision = payload.getType().getRevision();
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payloadType);
            statement.setString(7, payloadRevision);
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.setBytes(10, rowMac.event(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), timestamp, payloadType, payloadRevision,
                    payload.getData(), metaData.getData()));
            statement.addBatch();
        }
        return statement;
    }

    /** As Axon stores an event that belongs to no aggregate: its own id as the aggregate's, at sequence 0. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
