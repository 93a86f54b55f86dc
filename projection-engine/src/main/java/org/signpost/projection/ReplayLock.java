package org.signpost.projection;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One replay at a time across every query-side process of a database: a PostgreSQL session
 * advisory lock, held on a connection of its own for the whole replay. A process that dies
 * mid-replay loses its session, and with it the lock, at once.
 */
final class ReplayLock implements AutoCloseable {

    /** "Sgre" in ASCII; the event chain's sealer has a lock of its own. */
    static final int KEY = 0x53677265;

    private final DataSource dataSource;
    private final Connection connection;

    private ReplayLock(DataSource dataSource, Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** Waits for the lock (another process may be replaying) and takes it. */
    static ReplayLock take(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            return new ReplayLock(dataSource, connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether some process holds the lock: a replay is under way there (or here). */
    static boolean held(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
                + " AND classid = 0 AND objid = ? AND objsubid = 1 AND granted)", Boolean.class, KEY));
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // A pooled connection would keep the session, and the lock with it: it must not go back to the pool.
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            }
            connection.close();
            throw e;
        }
    }
}
