package org.signpost.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The event store's read of the next events after a processor's position and of the positions
 * it has seen missing (gaps), as Axon's but with the gaps in one array parameter. Axon's own
 * statement gives each gap a parameter of its own, and PostgreSQL takes at most 65,535: after a
 * jump of the global index by more than that (positions taken by rolled-back appends or by
 * anything else drawing on the sequence), every read failed and the processors stopped reading
 * (seen in the command-throughput benchmark, whose raw inserts drew on the same sequence). The
 * plan is the same: PostgreSQL reads an IN list as {@code = ANY} of an array anyway.
 */
public final class EventReadsWithGaps implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable() + " WHERE (" + index + " > ? AND " + index + " <= ?) OR "
                + index + " = ANY (?) ORDER BY " + index + " ASC");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        statement.setArray(3, connection.createArrayOf("bigint", gaps.toArray()));
        return statement;
    }
}
