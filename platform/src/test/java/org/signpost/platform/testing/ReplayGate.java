package org.signpost.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Holds a replay of one read model at two points, so that a test sees it under way however
 * small its store: before it reads the store (making its new generation waits for a lock on the
 * projection's row of {@code projection_generation}) and before its rebuilt rows are written
 * (creating the first rebuilt table waits, by an event trigger, for an advisory lock the gate
 * holds), which also holds the end of a scan of more events than the rebuild buffers. Reads,
 * the live processors and the other read models go on meanwhile. Needs PostgreSQL's superuser
 * (an event trigger).
 */
public final class ReplayGate implements AutoCloseable {

    /** "Sgte" in ASCII: the advisory lock the rebuilt table's creation waits for. */
    private static final int KEY = 0x53677465;
    private static final String TRIGGER = "replay_gate_test";

    private final DataSource superuser;
    private final Connection start;
    private final Connection write;
    private boolean startOpen;
    private boolean writeOpen;

    private ReplayGate(DataSource superuser, Connection start, Connection write) {
        this.superuser = superuser;
        this.start = start;
        this.write = write;
    }

    /**
     * Closes both gates for the replays of {@code projection}, whose rebuild creates
     * {@code table}'s generation first ({@code participant_view} of {@code caseload}).
     */
    public static ReplayGate hold(DataSource superuser, String projection, String table) throws SQLException {
        Connection start = superuser.getConnection();
        Connection write = superuser.getConnection();
        ReplayGate gate = new ReplayGate(superuser, start, write);
        try {
            try (Statement sql = write.createStatement()) {
                sql.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            try (Connection ddl = superuser.getConnection(); Statement sql = ddl.createStatement()) {
                sql.execute("""
                        CREATE OR REPLACE FUNCTION %s() RETURNS event_trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()
                                       WHERE object_type = 'table' AND object_identity ~ '[.]%s_g[0-9]+$') THEN
                                PERFORM pg_advisory_xact_lock_shared(%d);
                            END IF;
                        END $$""".formatted(TRIGGER, table, KEY));
                sql.execute("DROP EVENT TRIGGER IF EXISTS " + TRIGGER);
                sql.execute("CREATE EVENT TRIGGER " + TRIGGER + " ON ddl_command_end WHEN TAG IN ('CREATE TABLE') "
                        + "EXECUTE FUNCTION " + TRIGGER + "()");
            }
            start.setAutoCommit(false);
            try (PreparedStatement lock = start.prepareStatement(
                    "SELECT 1 FROM projection_generation WHERE projection = ? FOR SHARE")) {
                lock.setString(1, projection);
                lock.executeQuery().close();
            }
        } catch (SQLException | RuntimeException e) {
            gate.close();
            throw e;
        }
        return gate;
    }

    /** Lets the replay make its new generation and read the store. */
    public void openStart() throws SQLException {
        if (!startOpen) {
            startOpen = true;
            try {
                start.rollback();
            } finally {
                start.close();
            }
        }
    }

    /** Lets the replay write its rebuilt rows, and so finish. */
    public void openWrite() throws SQLException {
        if (!writeOpen) {
            writeOpen = true;
            try (Statement sql = write.createStatement()) {
                sql.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            } finally {
                write.close();
            }
        }
    }

    /** Opens both gates and removes the event trigger. */
    @Override
    public void close() throws SQLException {
        try {
            openStart();
        } finally {
            try {
                openWrite();
            } finally {
                try (Connection ddl = superuser.getConnection(); Statement sql = ddl.createStatement()) {
                    sql.execute("DROP EVENT TRIGGER IF EXISTS " + TRIGGER);
                    sql.execute("DROP FUNCTION IF EXISTS " + TRIGGER + "()");
                }
            }
        }
    }
}
