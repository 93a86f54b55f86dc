package org.signpost.query.metrics;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.signpost.events.SignpostEvent;
import org.signpost.projection.EventPositions;
import org.signpost.projection.Projection;
import org.signpost.projection.ProjectionGenerations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live evaluation metrics: the same {@link MetricsFold} that replays and "as of" use turns
 * each event into facts, stored here in tables; the metrics are computed from them on demand.
 */
@Component
@ProcessingGroup(MetricsReadModel.NAME)
public class MetricsProjection extends Projection {

    private final EventPositions positions;

    public MetricsProjection(JdbcTemplate jdbc, ProjectionGenerations generations, EventPositions positions) {
        super(MetricsReadModel.NAME, jdbc, generations);
        this.positions = positions;
    }

    @EventHandler
    void on(SignpostEvent event, EventMessage<?> message, TrackingToken token) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0L;
        MetricsFold.apply(event, sequence, new SqlFactsWriter(rows(), () -> positions.of(message, token),
                message.getTimestamp()));
    }
}
