package org.signpost.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure caused by the database being out of reach (stopped, restarting, the
 * network gone), however deeply Axon, Hibernate or Spring wrapped it: the client gets 503 and
 * retries, instead of a 500 for a fault that is nobody's mistake and passes by itself.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && connectionLost(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof SQLException sql && closedByThePool(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A statement on a connection the pool has already closed: Hikari closes a connection as soon
     * as one of its statements fails for a lost connection, and the next statement on it gets this,
     * without a SQL state. It is seen when the first failure was swallowed on the way, as Axon does
     * when a snapshot cannot be read (it reads the events instead, on the same connection).
     */
    private static boolean closedByThePool(SQLException exception) {
        return exception.getSQLState() == null && "Connection is closed".equals(exception.getMessage());
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down or starting). */
    private static boolean connectionLost(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
