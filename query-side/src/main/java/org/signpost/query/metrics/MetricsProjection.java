package org.signpost.query.metrics;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.signpost.events.SignpostEvent;
import org.signpost.projection.EventPositions;
import org.signpost.projection.Projection;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.projection.RowInsert;
import org.signpost.projection.RowTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live evaluation metrics: the same {@link MetricsFold} that replays and "as of" use turns
 * each event into facts, stored here in tables; the metrics are computed from them on demand.
 */
@Component
@ProcessingGroup(MetricsReadModel.NAME)
public class MetricsProjection extends Projection {

    private final SqlFactsWriter.Statements statements = new SqlFactsWriter.Statements() {
        @Override
        public void insert(RowInsert row, Object... values) {
            MetricsProjection.this.insert(row, values);
        }

        @Override
        public <R> void create(RowTable<R> table, Object key, Supplier<R> row) {
            MetricsProjection.this.create(table, key, row);
        }

        @Override
        public <R> void change(RowTable<R> table, Object key, Consumer<R> change) {
            MetricsProjection.this.change(table, key, change);
        }
    };

    private final EventPositions positions;

    public MetricsProjection(JdbcTemplate jdbc, ProjectionGenerations generations, EventPositions positions) {
        super(MetricsReadModel.NAME, jdbc, generations);
        this.positions = positions;
    }

    @EventHandler
    void on(SignpostEvent event, EventMessage<?> message, TrackingToken token) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0L;
        MetricsFold.apply(event, sequence, new SqlFactsWriter(statements, () -> positions.of(message, token)));
    }
}
