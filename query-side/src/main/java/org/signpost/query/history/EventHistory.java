package org.signpost.query.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.messaging.MetaData;
import org.signpost.events.SignpostEvent;
import org.signpost.platform.axon.MetaDataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one aggregate's events straight from the event store, in order, with their global
 * position and metadata. Read-only: the query side never loads an aggregate.
 */
@Component
public class EventHistory {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public EventHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<HistoryRow> of(UUID aggregateId, String aggregateType) {
        return jdbc.query("""
                        SELECT global_index, sequence_number, payload_type, payload_revision, payload, meta_data, time_stamp
                        FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND type = ?
                        ORDER BY sequence_number""",
                (rs, i) -> {
                    Object payload = deserialize(rs.getString("payload_type"), rs.getString("payload_revision"),
                            rs.getBytes("payload"));
                    MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("meta_data"),
                            byte[].class, new SimpleSerializedType(MetaData.class.getName(), null)));
                    SignpostEvent event = (SignpostEvent) payload;
                    return new HistoryRow(rs.getLong("global_index"), rs.getLong("sequence_number"),
                            payload.getClass().getSimpleName(), event.occurredOn(),
                            Instant.parse(rs.getString("time_stamp")),
                            (String) metaData.get(MetaDataKeys.ACTOR), (String) metaData.get(MetaDataKeys.ROLE),
                            (String) metaData.get(MetaDataKeys.CORRELATION_ID), payload);
                },
                aggregateId.toString(), aggregateType);
    }

    private Object deserialize(String type, String revision, byte[] bytes) {
        SerializedObject<byte[]> serialized =
                new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType(type, revision));
        return serializer.deserialize(serialized);
    }
}
