package org.signpost.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The reference: how many single-event transactions PostgreSQL commits per second on this
 * machine, with the same number of clients, into a table shaped like the event store's, each
 * row about 600 bytes of payload, one row per transaction (fsync on).
 */
final class RawInsertRate {

    private RawInsertRate() {
    }

    static double measure(DataSource dataSource, int clients, int warmupSeconds, int seconds) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            // The columns and keys of Signpost's event table, spelled out: the same table on any
            // database the benchmark measures (the plain Axon baseline's tables are Hibernate's).
            statement.execute("""
                    CREATE TABLE bench_raw_event (
                        global_index bigint PRIMARY KEY, aggregate_identifier varchar(255) NOT NULL,
                        sequence_number bigint NOT NULL, type varchar(255), event_identifier varchar(255) NOT NULL UNIQUE,
                        meta_data bytea, payload bytea NOT NULL, payload_revision varchar(255),
                        payload_type varchar(255) NOT NULL, time_stamp varchar(255) NOT NULL,
                        UNIQUE (aggregate_identifier, sequence_number))""");
            // A sequence like the event table's, not that one: hundreds of thousands of numbers
            // taken from the store's own sequence are a gap the service's event readers must
            // carry (Axon's gap-aware tokens list every missing position, one SQL parameter each,
            // and PostgreSQL takes at most 65,535: the live processors stopped reading).
            statement.execute("DROP SEQUENCE IF EXISTS bench_raw_event_seq");
            statement.execute("CREATE SEQUENCE bench_raw_event_seq");
            statement.execute("ALTER TABLE bench_raw_event ALTER COLUMN global_index "
                    + "SET DEFAULT nextval('bench_raw_event_seq')");
        }
        byte[] payload = new byte[600];
        new Random(42).nextBytes(payload);
        LongAdder inserted = new LongAdder();
        double elapsed = MeasuredWindow.run(clients, warmupSeconds, seconds, (running, counting) -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO bench_raw_event (aggregate_identifier, sequence_number, type, event_identifier,
                             meta_data, payload, payload_revision, payload_type, time_stamp)
                         VALUES (?, ?, 'Participant', ?, ?, ?, NULL, 'org.signpost.events.ContactMade', ?)""")) {
                connection.setAutoCommit(true);
                String aggregate = UUID.randomUUID().toString();
                long sequence = 0;
                while (running.get()) {
                    insert.setString(1, aggregate);
                    insert.setLong(2, sequence++);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, "{\"actor\":\"bench\"}".getBytes());
                    insert.setBytes(5, payload);
                    insert.setString(6, Instant.now().toString());
                    insert.executeUpdate();
                    if (counting.get()) {
                        inserted.increment();
                    }
                }
            }
        });
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_raw_event");
        }
        return inserted.sum() / elapsed;
    }
}
