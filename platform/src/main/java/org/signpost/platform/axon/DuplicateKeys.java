package org.signpost.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when a write failed on a unique key, so that a second write of an aggregate's
 * sequence number (another process wrote it first, or the id is taken) becomes a
 * {@code ConcurrencyException} or {@code AggregateStreamCreationException}, which the command
 * side answers or retries, rather than an internal error. Axon's own resolver looks for
 * {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's driver never throws: it
 * reports the SQL state {@value #UNIQUE_VIOLATION}, here searched through the causes and a
 * batch's next exceptions.
 */
final class DuplicateKeys implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
