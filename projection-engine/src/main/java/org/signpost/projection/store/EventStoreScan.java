package org.signpost.projection.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.postgresql.PGStatement;
import org.signpost.projection.DaemonThreads;

/**
 * Reads the event store in order of position, straight from its table: the basis of "as of"
 * figures (only events recorded up to an instant), of the analysts' command line, which needs no
 * running service, and of replays, which read the store once for every read model they rebuild.
 * Rows stream through a cursor, so memory does not grow with the store; one scan is one query,
 * so it sees one consistent snapshot of the store.
 */
public final class EventStoreScan {

    private static final JsonFactory JSON = new JsonFactory();

    /** Shared by all scans; daemons, so that they never keep the process (or the analysts' command line) alive. */
    private static final ExecutorService DESERIALIZERS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), DaemonThreads.named("event-deserializer"));

    private final Serializer serializer;

    /** Null while there is no upcaster: every event is read as stored, with nothing in between. */
    private final EventUpcasterChain upcasters;

    /**
     * @param upcasters the upcasters, in order, that Axon's event store applies to what it reads
     *                  (every one the service's processors see), so that a scan reads each event
     *                  as they do, however long ago it was stored; empty while no event has been
     *                  revised
     */
    public EventStoreScan(Serializer serializer, List<EventUpcaster> upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters.isEmpty() ? null : new EventUpcasterChain(upcasters);
    }

    /** Every event recorded up to {@code asOf} of the given types (all, for null), in order of position. */
    public long scan(Connection connection, Instant asOf, Set<Class<?>> onlyTypes, Consumer<StoredEvent> consumer)
            throws SQLException {
        return scan(connection, Selection.recordedUpTo(asOf, onlyTypes), consumer);
    }

    /** The condition on the table's columns that a selection stands for, and its parameters. */
    private static String where(Selection selection) {
        if (selection.recordedUpTo() != null) {
            return "time_stamp <= ?";
        }
        if (selection.after() != null) {
            return "(global_index > ? AND global_index <= ?) OR global_index = ANY (?)";
        }
        return "TRUE";
    }

    /**
     * An instant as the table's {@code time_stamp} holds it (Axon's text, to the millisecond),
     * so that the text compares as the instants do.
     */
    static String storedTimeStamp(Instant instant) {
        return DateTimeUtils.formatInstant(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<Object> parameters(Selection selection) {
        if (selection.recordedUpTo() != null) {
            return List.of(storedTimeStamp(selection.recordedUpTo()));
        }
        if (selection.after() != null) {
            return List.of(selection.after(), selection.upTo(), selection.also());
        }
        return List.of();
    }

    /**
     * Every selected event in order of position. Events of types not wanted are skipped before
     * deserialization. (Filtering types in SQL instead makes PostgreSQL sort the rows rather than
     * walk the primary key in order, which measured slower.)
     */
    public long scan(Connection connection, Selection selection, Consumer<StoredEvent> consumer) throws SQLException {
        return scan(connection, selection, consumer, rows -> { });
    }

    /**
     * The same, and gives {@code matched} the number of rows the selection's instant and
     * positions admit, of every type (those of the types wanted are consumed): what the table
     * holds for them in the scan's own snapshot.
     */
    public long scan(Connection connection, Selection selection, Consumer<StoredEvent> consumer, LongConsumer matched)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams with a cursor only inside a transaction.
        connection.setAutoCommit(false);
        Set<String> wanted = selection.onlyTypes() == null ? null : Set.of(typeNames(selection.onlyTypes()));
        // With upcasters, an event's type is known only once it is upcast (a stored type may be
        // the former name of a wanted one): every row is read and the types are chosen after.
        Set<String> wantedStored = upcasters == null ? wanted : null;
        // Rows are read on a second thread and deserialized, a batch at a time, on the machine's
        // other cores, while this thread consumes the batches in order: on a large store reading,
        // deserializing and consuming then run side by side.
        BlockingQueue<CompletableFuture<List<StoredEvent>>> batches = new ArrayBlockingQueue<>(16);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        AtomicLong rows = new AtomicLong();
        Thread reader = DaemonThreads.named("event-store-scan")
                .newThread(() -> read(connection, selection, wantedStored, wanted, batches, readerFailure, rows));
        reader.start();
        long count = 0;
        try {
            while (true) {
                List<StoredEvent> batch = deserialized(batches.take());
                if (batch.isEmpty()) {
                    break;
                }
                for (StoredEvent event : batch) {
                    consumer.accept(event);
                    count++;
                }
            }
            reader.join();
            if (readerFailure.get() != null) {
                throw new SQLException("Reading the event store failed", readerFailure.get());
            }
            connection.commit();
            matched.accept(rows.get());
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

    private static List<StoredEvent> deserialized(CompletableFuture<List<StoredEvent>> batch) throws SQLException {
        try {
            return batch.join();
        } catch (CompletionException e) {
            throw new SQLException("Deserializing stored events failed", e.getCause());
        }
    }

    /**
     * An event with its payload deserialized (every consumer of a scan reads it; the stored form
     * stays at hand beside it, see {@link StoredEvent}).
     */
    private StoredEvent deserialize(StoredRow row) {
        LazyDeserializingObject<?> payload = new LazyDeserializingObject<>(new SimpleSerializedObject<>(row.payload(),
                byte[].class, new SimpleSerializedType(row.payloadType(), row.payloadRevision())), serializer);
        payload.getObject();
        return new StoredEvent(row.position(), row.eventIdentifier(), row.aggregateId(), row.aggregateType(),
                row.sequence(), StoredInstant.parse(row.timestamp()), payload, metaData(row.metaData()));
    }

    /**
     * The metadata, a JSON object of plain values (actor, role, correlation id) as Axon's Jackson
     * serializer writes it without default typing. Read field by field, strings and whole numbers
     * as Jackson's untyped reading gives them: Axon's generic path for {@code MetaData} cost more
     * than deserializing the payload, and even a map read through a mapper took a fifth of the
     * time to deserialize an event in a replay (docs/benchmarks.md). Anything else in it is read
     * by the serializer, as the processors read it.
     */
    MetaData metaData(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Map<String, Object> plain = plainValues(stored);
            if (plain != null) {
                return MetaData.from(plain);
            }
        } catch (IOException e) {
            // The serializer says what is wrong with it, below.
        }
        return serializer.deserialize(new SerializedMetaData<>(stored, byte[].class));
    }

    /** The fields of a JSON object of strings, whole numbers and nulls; null if it is anything else. */
    private static Map<String, Object> plainValues(byte[] stored) throws IOException {
        try (JsonParser parser = JSON.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> values = new HashMap<>();
            for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                String name = parser.currentName();
                switch (parser.nextToken()) {
                    case VALUE_STRING -> values.put(name, parser.getText());
                    case VALUE_NUMBER_INT -> values.put(name, parser.getNumberValue());
                    case VALUE_NULL -> values.put(name, null);
                    default -> {
                        return null;
                    }
                }
            }
            return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null ? values : null;
        }
    }

    /** The connection goes back to its owner only once the reader has let go of it, even after a failure here. */
    private static void stop(Thread reader, BlockingQueue<CompletableFuture<List<StoredEvent>>> batches) {
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

    /** Fills the queue with batches of events in order; an empty batch marks the end, also after a failure. */
    private void read(Connection connection, Selection selection, Set<String> wanted, Set<String> wantedUpcast,
                      BlockingQueue<CompletableFuture<List<StoredEvent>>> batches, AtomicReference<Throwable> failure,
                      AtomicLong rows) {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT global_index, event_identifier, aggregate_identifier, type, sequence_number, time_stamp,
                       payload_type, payload_revision, payload""" + (selection.withMetaData() ? ", meta_data" : "") + """

                FROM domain_event_entry WHERE\s""" + where(selection) + " ORDER BY global_index")) {
            statement.setFetchSize(2_000);
            if (statement.isWrapperFor(PGStatement.class)) {
                // Rows in PostgreSQL's binary format: the payloads as their bytes, not as hex text
                // that the server encodes and the driver decodes again (measured in a replay:
                // PostgreSQL's hex_encode alone took 3 % of both cores).
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            bind(connection, statement, parameters(selection));
            try (ResultSet rs = statement.executeQuery()) {
                List<StoredRow> batch = new ArrayList<>(BATCH);
                long read = 0;
                while (rs.next()) {
                    read++;
                    String payloadType = rs.getString(7);
                    if (wanted != null && !wanted.contains(payloadType)) {
                        continue;
                    }
                    batch.add(new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), payloadType, rs.getString(8), rs.getBytes(9),
                            selection.withMetaData() ? rs.getBytes(10) : null));
                    if (batch.size() == BATCH) {
                        batches.put(deserializeLater(batch, wantedUpcast, selection.withMetaData()));
                        batch = new ArrayList<>(BATCH);
                    }
                }
                rows.set(read);
                if (!batch.isEmpty()) {
                    batches.put(deserializeLater(batch, wantedUpcast, selection.withMetaData()));
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            try {
                batches.put(CompletableFuture.completedFuture(List.of()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CompletableFuture<List<StoredEvent>> deserializeLater(List<StoredRow> rows, Set<String> wanted,
                                                                  boolean withMetaData) {
        return CompletableFuture.supplyAsync(() -> upcasters == null ? rows.stream().map(this::deserialize).toList()
                : upcast(rows, wanted, withMetaData), DESERIALIZERS);
    }

    /**
     * The rows through the upcaster chain, as Axon's event store passes what it reads: an event
     * no upcaster touched is read exactly as without upcasters; one that was upcast is read from
     * what the chain made of it, its metadata too. An upcaster may also drop an event or make
     * several of one.
     */
    private List<StoredEvent> upcast(List<StoredRow> rows, Set<String> wanted, boolean withMetaData) {
        return upcasters.upcast(rows.stream().map(row -> new InitialEventRepresentation(row, serializer)))
                .filter(event -> wanted == null || wanted.contains(event.getType().getName()))
                .map(event -> deserialize(event, withMetaData))
                .toList();
    }

    private StoredEvent deserialize(IntermediateEventRepresentation event, boolean withMetaData) {
        LazyDeserializingObject<?> payload = new LazyDeserializingObject<>(event.getData(), serializer);
        payload.getObject();
        long position = ((GlobalSequenceTrackingToken) event.getTrackingToken().orElseThrow()).getGlobalIndex();
        MetaData metaData = !withMetaData ? null
                : event instanceof InitialEventRepresentation untouched
                ? metaData((byte[]) untouched.getMetaData().getSerializedObject().getData())
                : event.getMetaData().getObject();
        return new StoredEvent(position, event.getMessageIdentifier(), event.getAggregateIdentifier().orElseThrow(),
                event.getAggregateType().orElseThrow(), event.getSequenceNumber().orElseThrow(),
                event.getTimestamp(), payload, metaData);
    }

    private static void bind(Connection connection, PreparedStatement statement, List<Object> parameters)
            throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof long[] longs) {
                Long[] boxed = new Long[longs.length];
                for (int j = 0; j < longs.length; j++) {
                    boxed[j] = longs[j];
                }
                statement.setArray(i + 1, connection.createArrayOf("bigint", boxed));
            } else {
                statement.setObject(i + 1, parameter);
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

    /**
     * How many events {@link #scan} would read, for a progress bar. With upcasters, every event
     * up to the instant: a stored type may be the former name of one asked for.
     */
    public long count(Connection connection, Instant asOf, Set<Class<?>> askedFor) throws SQLException {
        Set<Class<?>> onlyTypes = upcasters == null ? askedFor : null;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE time_stamp <= ?" + typeFilter(onlyTypes))) {
            statement.setString(1, storedTimeStamp(asOf));
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
