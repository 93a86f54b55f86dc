package org.signpost.platform.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals one chain's new rows, in position order, a second or so after they were stored, and then
 * anchors the head it saw. Only one process seals a chain at a time (a PostgreSQL advisory lock
 * per chain), so processes sharing a database never seal twice; writers never wait for it.
 *
 * <p>A position is sealed only once it is final: no transaction that could still commit a row at
 * or below it is running. Positions come from a sequence, so a transaction may hold a lower
 * position than one already visible, and a rolled-back one leaves a hole for ever. So each run
 * first notes the current snapshot and the highest visible position M; a later run seals up to M
 * once every transaction that was running at that snapshot has ended (the oldest running
 * transaction is newer than the snapshot's xmax) and a grace period has passed (a transaction
 * takes its position a moment before it gets its transaction id). Anything below M that is not
 * there then never will be, and a row that appears there later is reported as tampering.
 *
 * <p>It seals every row there is, whoever wrote it: a row without the MAC the service writes its
 * rows with is sealed too, and reported as tampering by every check from then on (and logged here
 * at once), so that no one can take it back out unseen.
 */
public class ChainSealer {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    private static final int BATCH = 5_000;

    private record Candidate(String snapshot, long upTo, long notedAt) {
    }

    private final Chain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration grace;
    private final ChainAnchor anchor;
    private final HandOver handOver;
    private Candidate candidate;
    /** The head last offered to the anchor: the file is read and written again only when it moves. */
    private SealedHead offered;
    /** From where rows carry a MAC (V21); never changes once read. */
    private long macsFrom = -1;

    public ChainSealer(Chain chain, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Duration grace,
                       ChainAnchor anchor, HandOver handOver) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.grace = grace;
        this.anchor = anchor;
        this.handOver = handOver;
    }

    public Chain chain() {
        return chain;
    }

    @Scheduled(initialDelayString = "${signpost.integrity.seal-interval:PT1S}",
            fixedDelayString = "${signpost.integrity.seal-interval:PT1S}")
    public void sealOnSchedule() {
        try {
            seal();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next run takes up where this one stopped.
            log.warn("Sealing the {} chain failed this time: {}", chain.name(), e.toString());
        }
    }

    /** One run; returns the head as it stands now (sealed by this process or another). */
    public synchronized SealedHead seal() {
        SealedHead head = transaction.execute(status -> {
            boolean sealer = Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)",
                    Boolean.class, chain.lock()));
            SealedHead now = ChainTables.head(jdbc, chain);
            return sealer ? sealRun(now) : now;
        });
        if (!head.equals(offered)) {
            anchor.advance(chain.name(), head, position -> ChainTables.hashAt(jdbc, chain, position));
            offered = head;
        }
        return head;
    }

    private SealedHead sealRun(SealedHead head) {
        if (head.position() == 0) {
            handOver.beforeFirstSeal();
        }
        if (candidate != null && candidate.upTo() <= head.position()) {
            candidate = null;
        }
        if (candidate != null && System.nanoTime() - candidate.notedAt() >= grace.toNanos() && final_(candidate)) {
            head = sealUpTo(head, candidate.upTo());
            if (head.position() >= candidate.upTo()) {
                candidate = null;
            }
        }
        if (candidate == null) {
            Candidate next = jdbc.queryForObject("SELECT pg_current_snapshot()::text, (SELECT coalesce(max("
                            + chain.rows().position() + "), 0) FROM " + chain.rows().table() + ")",
                    (rs, i) -> new Candidate(rs.getString(1), rs.getLong(2), System.nanoTime()));
            if (next.upTo() > head.position()) {
                candidate = next;
            }
        }
        return head;
    }

    private boolean final_(Candidate noted) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_snapshot_xmin(pg_current_snapshot()) >= pg_snapshot_xmax(?::pg_snapshot)",
                Boolean.class, noted.snapshot()));
    }

    private SealedHead sealUpTo(SealedHead head, long upTo) {
        ChainedRows rows = chain.rows();
        if (macsFrom < 0) {
            macsFrom = ChainTables.rowMacsFrom(jdbc, chain);
        }
        Sealing sealing = new Sealing(head);
        jdbc.query("SELECT " + String.join(", ", rows.columns()) + ", " + RowMac.COLUMN + " FROM " + rows.table()
                + " WHERE " + rows.position() + " > ? AND " + rows.position() + " <= ? ORDER BY " + rows.position()
                + " LIMIT " + BATCH, sealing, head.position(), upTo);
        jdbc.batchUpdate("INSERT INTO chain_seal (chain, position, hash) VALUES (?, ?, ?)", sealing.seals);
        SealedHead sealed = new SealedHead(sealing.seals.size() < BATCH ? upTo : sealing.last.position(),
                sealing.last.hash());
        jdbc.update("UPDATE chain_head SET sealed_up_to = ?, hash = ?, sealed_at = now() WHERE chain = ?",
                sealed.position(), sealed.hash(), chain.name());
        return sealed;
    }

    /** Hashes each row onto the one before it and keeps its seal. */
    private final class Sealing implements RowCallbackHandler {
        private final RowDigest digest = chain.digest();
        private final RowMac.Check macs = chain.rowMac().check();
        private final List<Object[]> seals = new ArrayList<>();
        private SealedHead last;

        Sealing(SealedHead head) {
            this.last = head;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            last = new SealedHead(row.getLong(chain.rows().position()), digest.next(last.hash(), chain.rows(), row));
            seals.add(new Object[] {chain.name(), last.position(), last.hash()});
            if (last.position() >= macsFrom && !macs.carriedBy(row)) {
                log.error("Chain {}: sealing position {}, {}", chain.name(), last.position(),
                        ChainWalk.notWrittenByTheService(chain.rows()));
            }
        }
    }
}
