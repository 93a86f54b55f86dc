package org.signpost.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every read model's event handlers share: their writes are queued per batch of events and
 * run at the end of the batch. Live, they go to the generation that is read, in the transaction
 * that also moves the processor's token, so rows and token never disagree. During a replay the
 * same handlers run for the {@link ReplayEngine}, whose batches go to the generation being built.
 */
public abstract class Projection {

    private final String name;
    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final String resourceKey;

    protected Projection(String name, JdbcTemplate jdbc, ProjectionGenerations generations) {
        this.name = name;
        this.jdbc = jdbc;
        this.generations = generations;
        this.resourceKey = SqlBatch.class.getName() + ":" + name;
    }

    public String name() {
        return name;
    }

    /** Queues a write; {@code {generation}} in the SQL stands for the generation written. */
    protected void write(String sql, Object... args) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        RebuildBatches rebuild = unitOfWork.getResource(RebuildBatches.RESOURCE);
        if (rebuild != null) {
            rebuild.batch(name).add(sql, args);
            return;
        }
        SqlBatch batch = unitOfWork.getOrComputeResource(resourceKey, key -> {
            SqlBatch created = new SqlBatch(jdbc, generations.activeGeneration(name));
            unitOfWork.onPrepareCommit(u -> created.flush());
            return created;
        });
        batch.add(sql, args);
    }
}
