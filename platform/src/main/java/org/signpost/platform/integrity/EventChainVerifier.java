package org.signpost.platform.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.signpost.platform.integrity.ChainReport.Failure;
import org.signpost.platform.integrity.ChainReport.Status;
import org.signpost.platform.integrity.EventChain.StoredRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole chain from the stored events, in one consistent snapshot, streaming:
 * every sealed position must hold exactly the event that was sealed there, and nothing may have
 * appeared below the sealed head since. The last result is kept for the service's health.
 */
// The chain is kept over PostgreSQL's event table; with Axon Server the events are not there.
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Component
public class EventChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(EventChainVerifier.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final AtomicReference<ChainReport> last = new AtomicReference<>();

    public EventChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /** The last full check's result, if there was one. */
    public ChainReport lastReport() {
        return last.get();
    }

    @Scheduled(initialDelayString = "${signpost.integrity.first-check:PT30S}",
            fixedDelayString = "${signpost.integrity.check-interval:PT10M}")
    public void verifyOnSchedule() {
        try {
            verify();
        } catch (RuntimeException e) {
            log.warn("Checking the event chain failed this time: {}", e.toString());
        }
    }

    public ChainReport verify() {
        ChainReport report = snapshot.execute(status -> check());
        last.set(report);
        if (report.intact()) {
            log.info("Event chain intact: {} events up to position {}, head hash {}", report.verifiedEvents(),
                    report.sealedUpTo(), report.headHash());
        } else {
            log.error("Event chain BROKEN at position {}: {}", report.firstFailure().position(),
                    report.firstFailure().reason());
        }
        return report;
    }

    private ChainReport check() {
        long sealedUpTo = jdbc.queryForObject("SELECT sealed_up_to FROM event_chain_head", Long.class);
        byte[] headHash = jdbc.queryForObject("SELECT hash FROM event_chain_head", byte[].class);
        Walk walk = new Walk();
        // A cursor, not the whole store in memory: the transaction keeps the connection's autocommit off.
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(2_000);
        streaming.query("SELECT coalesce(e.global_index, c.global_index) AS position, e.global_index IS NOT NULL AS stored, "
                + "c.hash AS sealed_hash, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, "
                + "e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, "
                + "e.global_index AS global_index "
                + "FROM domain_event_entry e FULL OUTER JOIN event_chain c ON c.global_index = e.global_index "
                + "WHERE coalesce(e.global_index, c.global_index) <= ? ORDER BY 1", walk, sealedUpTo);
        if (walk.failure == null && !Arrays.equals(walk.hash, headHash)) {
            walk.failure = new Failure(sealedUpTo, "the chain does not end in the sealed head's hash");
        }
        return new ChainReport(walk.failure == null ? Status.INTACT : Status.BROKEN, walk.verified, sealedUpTo,
                EventChain.hex(headHash), walk.failure, clock.instant());
    }

    /** Goes along the chain row by row and remembers the first disagreement. */
    private static final class Walk implements RowCallbackHandler {
        private byte[] hash = EventChain.GENESIS;
        private long verified;
        private Failure failure;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (failure != null) {
                return;
            }
            long position = rs.getLong("position");
            byte[] sealed = rs.getBytes("sealed_hash");
            if (!rs.getBoolean("stored")) {
                failure = new Failure(position, "a sealed event is missing from the store");
                return;
            }
            if (sealed == null) {
                failure = new Failure(position, "an event appeared below the sealed head after it was sealed");
                return;
            }
            hash = EventChain.next(hash, StoredRow.read(rs));
            if (!Arrays.equals(hash, sealed)) {
                failure = new Failure(position, "the stored event differs from the one that was sealed");
                return;
            }
            verified++;
        }
    }
}
