package org.signpost.query.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Reads the event store in order of position, read-only, straight from its table: the basis of
 * "as of" figures (only events recorded up to an instant) and of the analysts' command line,
 * which needs no running service. Rows stream through a cursor, so memory does not grow with
 * the store.
 */
public final class EventStoreScan {

    /** One stored event: where it stands in the store and in its aggregate, and what it says. */
    public record StoredEvent(long position, String aggregateId, String aggregateType, long sequence,
                              Instant recordedAt, Object payload) {
    }

    private final Serializer serializer;

    public EventStoreScan(Serializer serializer) {
        this.serializer = serializer;
    }

    /**
     * Every event recorded up to {@code asOf} (inclusive, to the millisecond, which is the
     * precision of the store's timestamps), in order of position.
     */
    public long scan(Connection connection, Instant asOf, Consumer<StoredEvent> consumer) throws SQLException {
        return scan(connection, asOf, null, consumer);
    }

    /**
     * As {@link #scan(Connection, Instant, Consumer)}, but only events of the given types: the
     * others are skipped before deserialization. (Filtering in SQL instead makes PostgreSQL sort
     * the rows rather than walk the primary key in order, which measured slower.)
     */
    public long scan(Connection connection, Instant asOf, Set<Class<?>> onlyTypes, Consumer<StoredEvent> consumer)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams with a cursor only inside a transaction.
        connection.setAutoCommit(false);
        String upTo = DateTimeUtils.formatInstant(asOf.truncatedTo(ChronoUnit.MILLIS));
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT global_index, aggregate_identifier, type, sequence_number, time_stamp, payload_type,
                       payload_revision, payload
                FROM domain_event_entry WHERE time_stamp <= ? ORDER BY global_index""")) {
            statement.setFetchSize(2_000);
            statement.setString(1, upTo);
            Set<String> wanted = onlyTypes == null ? null : Set.of(typeNames(onlyTypes));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (wanted != null && !wanted.contains(rs.getString(6))) {
                        continue;
                    }
                    Object payload = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(8), byte[].class,
                            new SimpleSerializedType(rs.getString(6), rs.getString(7))));
                    consumer.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            DateTimeUtils.parseInstant(rs.getString(5)), payload));
                    count++;
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return count;
    }

    private static String typeFilter(Set<Class<?>> onlyTypes) {
        return onlyTypes == null ? "" : " AND payload_type = ANY (?)";
    }

    private static String[] typeNames(Set<Class<?>> types) {
        return types.stream().map(Class::getName).toArray(String[]::new);
    }

    /** How many events {@link #scan} would read, for a progress bar. */
    public long count(Connection connection, Instant asOf, Set<Class<?>> onlyTypes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE time_stamp <= ?" + typeFilter(onlyTypes))) {
            statement.setString(1, DateTimeUtils.formatInstant(asOf.truncatedTo(ChronoUnit.MILLIS)));
            if (onlyTypes != null) {
                statement.setArray(2, connection.createArrayOf("varchar", typeNames(onlyTypes)));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
