package org.signpost.query.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
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
     * Every event of the given types (all, for null) recorded up to {@code asOf} (inclusive, to
     * the millisecond, the precision of the store's timestamps), in order of position. Events of
     * other types are skipped before deserialization. (Filtering in SQL instead makes PostgreSQL sort
     * the rows rather than walk the primary key in order, which measured slower.)
     */
    public long scan(Connection connection, Instant asOf, Set<Class<?>> onlyTypes, Consumer<StoredEvent> consumer)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams with a cursor only inside a transaction.
        connection.setAutoCommit(false);
        String upTo = DateTimeUtils.formatInstant(asOf.truncatedTo(ChronoUnit.MILLIS));
        Set<String> wanted = onlyTypes == null ? null : Set.of(typeNames(onlyTypes));
        // Rows are read on a second thread while this one deserializes and folds: on a large
        // store the two halves of the work then share the machine's cores, in order.
        BlockingQueue<List<Row>> batches = new ArrayBlockingQueue<>(16);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> read(connection, upTo, wanted, batches, readerFailure), "event-store-scan");
        reader.setDaemon(true);
        reader.start();
        long count = 0;
        try {
            while (true) {
                List<Row> batch = batches.take();
                if (batch.isEmpty()) {
                    break;
                }
                for (Row row : batch) {
                    Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class,
                            new SimpleSerializedType(row.payloadType(), row.payloadRevision())));
                    consumer.accept(new StoredEvent(row.position(), row.aggregateId(), row.aggregateType(),
                            row.sequence(), DateTimeUtils.parseInstant(row.timestamp()), payload));
                    count++;
                }
            }
            reader.join();
            if (readerFailure.get() != null) {
                throw new SQLException("Reading the event store failed", readerFailure.get());
            }
            connection.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reader.interrupt();
            throw new SQLException("Interrupted while reading the event store", e);
        } finally {
            stop(reader, batches);
            connection.setAutoCommit(autoCommit);
        }
        return count;
    }

    /** The connection goes back to its owner only once the reader has let go of it, even after a failure here. */
    private static void stop(Thread reader, BlockingQueue<List<Row>> batches) {
        while (reader.isAlive()) {
            reader.interrupt();
            batches.clear();
            try {
                reader.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A row as read, before deserialization. */
    private record Row(long position, String aggregateId, String aggregateType, long sequence, String timestamp,
                       String payloadType, String payloadRevision, byte[] payload) {
    }

    /** Fills the queue with batches of rows in order; an empty batch marks the end, also after a failure. */
    private static void read(Connection connection, String upTo, Set<String> wanted, BlockingQueue<List<Row>> batches,
                             AtomicReference<Throwable> failure) {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT global_index, aggregate_identifier, type, sequence_number, time_stamp, payload_type,
                       payload_revision, payload
                FROM domain_event_entry WHERE time_stamp <= ? ORDER BY global_index""")) {
            statement.setFetchSize(2_000);
            statement.setString(1, upTo);
            try (ResultSet rs = statement.executeQuery()) {
                List<Row> batch = new ArrayList<>(BATCH);
                while (rs.next()) {
                    String payloadType = rs.getString(6);
                    if (wanted != null && !wanted.contains(payloadType)) {
                        continue;
                    }
                    batch.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            payloadType, rs.getString(7), rs.getBytes(8)));
                    if (batch.size() == BATCH) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            try {
                batches.put(List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final int BATCH = 500;

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
