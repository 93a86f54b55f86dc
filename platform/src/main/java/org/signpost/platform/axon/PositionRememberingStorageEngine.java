package org.signpost.platform.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, remembering the position of each event it reads for a
 * processor (the row's global index, which the event's tracking token does not always say).
 */
class PositionRememberingStorageEngine extends JdbcEventStorageEngine {

    private final RecentEventPositions positions;
    private final String positionColumn;

    PositionRememberingStorageEngine(Builder builder, EventSchema schema, RecentEventPositions positions) {
        super(builder);
        this.positions = positions;
        this.positionColumn = schema.globalIndexColumn();
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> event = super.getTrackedEventData(row, previousToken);
        positions.remember(event.getEventIdentifier(), row.getLong(positionColumn));
        return event;
    }
}
