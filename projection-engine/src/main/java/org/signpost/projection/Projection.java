package org.signpost.projection;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every read model's event handlers share: their writes are queued per batch of events and
 * run at the end of the batch. Live, they go to the generation that is read, in the transaction
 * that also moves the processor's token, so rows and token never disagree. During a replay the
 * same handlers run for the {@link ReplayEngine}, whose batches go to the generation being built.
 *
 * <p>A poison event (one whose handler throws, or whose rows the database refuses) must not stop
 * the projection, nor be applied in part. A batch in which one fails is rolled back whole, and
 * the processor's retry of it runs event by event, each event under a savepoint of its own: the
 * one that fails again is rolled back alone and goes to the dead-letter queue (with the later
 * events of its sequence, which must not overtake it), the others are applied.
 * After that batch commits, batches are whole again. See {@link PoisonEventIsolation}.
 */
public abstract class Projection {

    private final String name;
    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final String resourceKey;
    private final String eventKey;
    /** Set by a failed batch: its retry runs event by event. */
    private volatile boolean eventByEvent;

    protected Projection(String name, JdbcTemplate jdbc, ProjectionGenerations generations) {
        this.name = name;
        this.jdbc = jdbc;
        this.generations = generations;
        this.resourceKey = RowBatch.class.getName() + ":" + name;
        this.eventKey = resourceKey + ":event";
    }

    public String name() {
        return name;
    }

    /**
     * Where the handler under way writes its rows: the batch of its events, live or in a
     * rebuild. For code that writes rows on a projection's behalf.
     */
    protected RowWriter rows() {
        return batch();
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

    private RowBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        RebuildBatches rebuild = RebuildBatches.of(unitOfWork);
        if (rebuild != null) {
            return rebuild.batch(name);
        }
        RowBatch event = unitOfWork.getResource(eventKey);
        if (event != null) {
            return event;
        }
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            RowBatch created = new LiveRowBatch(jdbc, generations.activeGeneration(name));
            unitOfWork.onPrepareCommit(u -> {
                try {
                    created.flush();
                } catch (RuntimeException e) {
                    // Which event's rows were refused is not known here: the retry finds it.
                    eventByEvent = true;
                    throw e;
                }
            });
            return created;
        });
    }

    /**
     * A chunk of the store's scan is about to be applied to the generation being rebuilt: a
     * projection that needs something for many of its events (a key each) may fetch it for the
     * whole chunk at once here. Nothing by default.
     */
    protected void beforeRebuildChunk(List<EventMessage<?>> messages) {
    }

    /** Whether the live processor is retrying a failed batch, one event at a time. */
    boolean eventByEvent() {
        return eventByEvent;
    }

    /**
     * A handler of this projection failed in a whole batch: the batch must not commit (the
     * event's rows may be half queued), and its retry goes event by event.
     */
    void poisonBatch(Exception cause) {
        eventByEvent = true;
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.onPrepareCommit(u -> {
            throw new PoisonedBatch(name, cause);
        });
    }

    /**
     * Handles one event alone: its rows written at once under a savepoint, which is rolled back
     * if the handler or the database fails, so that a dead-lettered event leaves nothing behind
     * and the batch's transaction stays usable for the others.
     */
    <T> T handleAlone(Callable<T> handler) throws Exception {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.getOrComputeResource(eventKey + ":batch", key -> {
            unitOfWork.afterCommit(u -> eventByEvent = false);
            return Boolean.TRUE;
        });
        Savepoint savepoint = jdbc.execute((ConnectionCallback<Savepoint>) Connection::setSavepoint);
        RowBatch alone = new LiveRowBatch(jdbc, generations.activeGeneration(name));
        unitOfWork.resources().put(eventKey, alone);
        try {
            T result = handler.call();
            alone.flush();
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                connection.releaseSavepoint(savepoint);
                return null;
            });
            return result;
        } catch (Exception e) {
            try {
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    connection.rollback(savepoint);
                    return null;
                });
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            unitOfWork.resources().remove(eventKey);
        }
    }

    /** Rolls back a batch in which an event failed; the processor retries it event by event. */
    static final class PoisonedBatch extends RuntimeException {
        PoisonedBatch(String projection, Exception cause) {
            super("An event failed in a batch of " + projection + "; the batch is retried event by event", cause);
        }
    }
}
