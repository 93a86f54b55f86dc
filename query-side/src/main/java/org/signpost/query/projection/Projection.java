package org.signpost.query.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /** Queues a new row (see {@link RowInsert}); the values in the order of its columns. */
    protected void insert(RowInsert row, Object... values) {
        batch().insert(row, values);
    }

    /** Adds a row of a {@link RowTable} under this key unless there is one. */
    protected <R> void create(RowTable<R> table, Object key, Supplier<R> row) {
        batch().create(table, key, row);
    }

    /** Changes the row of a {@link RowTable} under this key, if there is one. */
    protected <R> void change(RowTable<R> table, Object key, Consumer<R> change) {
        batch().change(table, key, change);
    }

    private SqlBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        RebuildBatches rebuild = unitOfWork.getResource(RebuildBatches.RESOURCE);
        if (rebuild != null) {
            return rebuild.batch(name);
        }
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            SqlBatch created = new SqlBatch(jdbc, generations.activeGeneration(name));
            unitOfWork.onPrepareCommit(u -> created.flush());
            return created;
        });
    }
}
