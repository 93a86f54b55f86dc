package org.signpost.query.projection;

import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every read model's event handlers share: their writes are queued per batch of events and
 * run at the end of the batch, into the generation being built, in the transaction that also
 * moves the processor's token, so rows and token never disagree.
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

    /** Queues a write; {@code {generation}} in the SQL stands for the generation being built. */
    protected void write(String sql, Object... args) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        SqlBatch batch = unitOfWork.getOrComputeResource(resourceKey, key -> {
            SqlBatch created = new SqlBatch(jdbc, generations.building(name));
            unitOfWork.onPrepareCommit(u -> created.flush());
            return created;
        });
        batch.add(sql, args);
    }

    /**
     * A replay begins: the read model is rebuilt into a new generation, while the active one
     * keeps answering reads until the new one has caught up.
     */
    @ResetHandler
    public void onReset() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        generations.startRebuild(name, head);
    }
}
