package org.signpost.platform.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.signpost.platform.integrity.EventChain.StoredRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals newly stored events into the chain, in global-index order, a second or so after they
 * were stored. Only one process seals at a time (a PostgreSQL advisory lock), so command-side
 * and query-side processes on one database never seal twice. Appends never wait for it.
 *
 * <p>A position is sealed only once it is final: no transaction that could still commit an event
 * at or below it is running. Positions come from a sequence, so a transaction may hold a lower
 * position than one already visible, and a rolled-back one leaves a hole for ever. So each run
 * first notes the current snapshot and the highest visible position M; a later run seals up to M
 * once every transaction that was running at that snapshot has ended (the oldest running
 * transaction is newer than the snapshot's xmax) and a grace period has passed (a transaction
 * takes its position a moment before it gets its transaction id). Anything below M that is not
 * there then never will be, and an event that appears there later is reported as tampering.
 */
// The chain is kept over PostgreSQL's event table; with Axon Server the events are not there.
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Component
public class EventChainSealer {

    private static final Logger log = LoggerFactory.getLogger(EventChainSealer.class);
    /** "signpost" in ASCII: the advisory lock that makes one process the sealer. */
    private static final long LOCK = 0x7369676e706f7374L;
    private static final int BATCH = 5_000;

    private record Head(long sealedUpTo, byte[] hash) {
    }

    private record Candidate(String snapshot, long upTo, long notedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration grace;
    private Candidate candidate;

    public EventChainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            @Value("${signpost.integrity.seal-grace:PT1S}") Duration grace) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${signpost.integrity.seal-interval:PT1S}",
            fixedDelayString = "${signpost.integrity.seal-interval:PT1S}")
    public void sealOnSchedule() {
        try {
            seal();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next run takes up where this one stopped.
            log.warn("Sealing the event chain failed this time: {}", e.toString());
        }
    }

    /** One run; returns the position up to which the chain is sealed now. */
    public synchronized long seal() {
        return transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return -1L;
            }
            Head head = jdbc.queryForObject("SELECT sealed_up_to, hash FROM event_chain_head",
                    (rs, i) -> new Head(rs.getLong(1), rs.getBytes(2)));
            if (candidate != null && candidate.upTo() <= head.sealedUpTo()) {
                candidate = null;
            }
            if (candidate != null && System.nanoTime() - candidate.notedAt() >= grace.toNanos() && final_(candidate)) {
                head = sealUpTo(head, candidate.upTo());
                if (head.sealedUpTo() >= candidate.upTo()) {
                    candidate = null;
                }
            }
            if (candidate == null) {
                Candidate next = jdbc.queryForObject("""
                                SELECT pg_current_snapshot()::text,
                                       (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)""",
                        (rs, i) -> new Candidate(rs.getString(1), rs.getLong(2), System.nanoTime()));
                if (next.upTo() > head.sealedUpTo()) {
                    candidate = next;
                }
            }
            return head.sealedUpTo();
        });
    }

    private boolean final_(Candidate noted) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_snapshot_xmin(pg_current_snapshot()) >= pg_snapshot_xmax(?::pg_snapshot)",
                Boolean.class, noted.snapshot()));
    }

    private Head sealUpTo(Head head, long upTo) {
        List<StoredRow> rows = jdbc.query("SELECT " + EventChain.COLUMNS + " FROM domain_event_entry "
                        + "WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT " + BATCH,
                (rs, i) -> StoredRow.read(rs), head.sealedUpTo(), upTo);
        byte[] hash = head.hash();
        List<Object[]> seals = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
            hash = EventChain.next(hash, row);
            seals.add(new Object[] {row.globalIndex(), hash});
        }
        jdbc.batchUpdate("INSERT INTO event_chain (global_index, hash) VALUES (?, ?)", seals);
        long sealedUpTo = rows.size() < BATCH ? upTo : rows.get(rows.size() - 1).globalIndex();
        jdbc.update("UPDATE event_chain_head SET sealed_up_to = ?, hash = ?, sealed_at = now()", sealedUpTo, hash);
        return new Head(sealedUpTo, hash);
    }
}
