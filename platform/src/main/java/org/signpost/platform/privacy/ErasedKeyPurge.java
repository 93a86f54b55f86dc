package org.signpost.platform.privacy;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.signpost.platform.database.DatabaseRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a destroyed key truly gone from the database's files. Destroying a key leaves the row it
 * was in as a dead tuple on its page, and the WAL that recorded the key keeps it too, until
 * PostgreSQL reuses that space, which may be never: the review read an erased person's key back
 * from a dead tuple. After each erasure has committed, the key table is rewritten into a new file
 * (VACUUM FULL: plain VACUUM only marks a dead row's space free, its bytes stay) and, where the
 * database allows it ({@value DatabaseRoles#RECYCLE_WAL}), the WAL is switched and checkpointed so
 * that the files that held the key are deleted. Backups and WAL archives made before keep it
 * (docs/security.md, "Personal data and erasure").
 */
@Component
public class ErasedKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(ErasedKeyPurge.class);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(daemon());
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean walLeftToPostgres;

    /** A daemon: a purge never keeps the process from stopping (the next start purges what is left). */
    private static ThreadFactory daemon() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("erased-key-purge-");
        threads.setDaemon(true);
        return threads;
    }

    public ErasedKeyPurge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** After the caller's transaction commits (at once if there is none): an erasure it recorded must not wait for this. */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    request(Duration.ZERO);
                }
            });
        } else {
            request(Duration.ZERO);
        }
    }

    /** A process that stopped before its purge ran leaves it to the next start. */
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        request(Duration.ZERO);
    }

    private void request(Duration delay) {
        // Erasures close together share one purge: it covers every key destroyed before it starts.
        if (pending.compareAndSet(false, true)) {
            worker.schedule(this::purgeOrRetry, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void purgeOrRetry() {
        pending.set(false);
        try {
            purge();
        } catch (DataAccessException e) {
            log.warn("Purging destroyed keys failed; trying again in {}: {}", RETRY, e.toString());
            request(RETRY);
        }
    }

    /** Rewrites the key table, then lets the WAL written before go. */
    public synchronized void purge() {
        jdbc.execute((Connection connection) -> {
            try (var sql = connection.createStatement()) {
                // Every read of a key waits while the table is rewritten (milliseconds): never long.
                sql.execute("SET lock_timeout = '5s'");
                sql.execute("VACUUM FULL personal_data_key");
                sql.execute("RESET lock_timeout");
            }
            return null;
        });
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regprocedure(?) IS NOT NULL "
                + "AND has_function_privilege(to_regprocedure(?), 'EXECUTE')", Boolean.class,
                DatabaseRoles.RECYCLE_WAL, DatabaseRoles.RECYCLE_WAL))) {
            jdbc.execute("SELECT " + DatabaseRoles.RECYCLE_WAL);
        } else if (!walLeftToPostgres) {
            walLeftToPostgres = true;
            log.warn("Destroyed keys stay in this database's WAL until PostgreSQL recycles it: the service may "
                    + "not switch and checkpoint the WAL ({}; docs/security.md, \"Database roles\")", DatabaseRoles.RECYCLE_WAL);
        }
    }
}
