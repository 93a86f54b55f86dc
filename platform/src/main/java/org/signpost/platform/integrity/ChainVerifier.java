package org.signpost.platform.integrity;

import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.signpost.platform.integrity.ChainAnchor.UnreadableAnchor;
import org.signpost.platform.integrity.ChainReport.Failure;
import org.signpost.platform.integrity.ChainReport.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes one whole chain from its stored rows, in one consistent snapshot, streaming, under
 * the chain's key: every sealed position must hold exactly the row that was sealed there, and
 * one the service wrote (its row MAC), nothing may have appeared below the sealed head since, and
 * the head must be no lower, and end no differently, than the head anchor says it was seen
 * before. The last result is kept for the service's health; an intact chain's head is anchored.
 */
public class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final Chain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ChainAnchor anchor;
    private final HandOver handOver;
    private final Clock clock;
    private final AtomicReference<ChainReport> last = new AtomicReference<>();

    public ChainVerifier(Chain chain, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                         ChainAnchor anchor, HandOver handOver, Clock clock) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.anchor = anchor;
        this.handOver = handOver;
        this.clock = clock;
    }

    public Chain chain() {
        return chain;
    }

    /** What the chain took over from, once the hand-over is made. */
    public Optional<ChainReport> handOver() {
        return handOver.report();
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
            log.warn("Checking the {} chain failed this time: {}", chain.name(), e.toString());
        }
    }

    public ChainReport verify() {
        // Read before the snapshot is taken: whatever the anchor holds was committed before it.
        SealedHead anchored = null;
        String unreadableAnchor = null;
        try {
            anchored = anchor.read().get(chain.name());
        } catch (UnreadableAnchor e) {
            unreadableAnchor = e.getMessage();
        }
        SealedHead seen = anchored;
        String unreadable = unreadableAnchor;
        ChainReport report = snapshot.execute(status -> check(seen, unreadable));
        last.set(report);
        if (report.intact()) {
            boolean anchoredNow = anchor.advance(chain.name(), new SealedHead(report.sealedUpTo(),
                    HexFormat.of().parseHex(report.headHash())), position -> ChainTables.hashAt(jdbc, chain, position));
            log.info("Chain {} intact: {} rows up to position {}, head hash {}{}", chain.name(), report.verified(),
                    report.sealedUpTo(), report.headHash(), anchoredNow ? ", anchored in " + anchor.file() : "");
        } else {
            log.error("Chain {} BROKEN at position {}: {} (sealed up to {}, head hash {})", chain.name(),
                    report.firstFailure().position(), report.firstFailure().reason(), report.sealedUpTo(),
                    report.headHash());
        }
        return report;
    }

    private ChainReport check(SealedHead anchored, String unreadableAnchor) {
        SealedHead head = ChainTables.head(jdbc, chain);
        long anchoredPosition = anchored == null ? 0 : anchored.position();
        ChainWalk walk = ChainWalk.walk(jdbc, chain, head.position(), anchoredPosition,
                ChainTables.rowMacsFrom(jdbc, chain));
        Failure failure = walk.failure;
        if (failure == null && !Arrays.equals(walk.hash, head.hash())) {
            failure = new Failure(head.position(), "the chain does not end in the sealed head's hash");
        }
        if (failure == null) {
            failure = sealAboveTheHead(head);
        }
        Failure anchorFailure = anchorFailure(head, anchored, walk);
        if (anchorFailure != null && (failure == null || anchorFailure.position() < failure.position())) {
            failure = anchorFailure;
        }
        if (failure == null && unreadableAnchor != null) {
            failure = new Failure(0, unreadableAnchor);
        }
        Optional<Failure> before = handOver.failure(head.position());
        if (before.isPresent()) {
            failure = before.get();
        }
        return new ChainReport(chain.name(), failure == null ? Status.INTACT : Status.BROKEN, walk.verified,
                head.position(), head.hex(), anchoredPosition, failure, clock.instant());
    }

    /**
     * A seal above the sealed head, which the sealer never leaves (it moves the head in the same
     * transaction): someone else inserted it, and the sealer would stop at its position for good.
     */
    private Failure sealAboveTheHead(SealedHead head) {
        Long above = jdbc.queryForObject("SELECT min(position) FROM chain_seal WHERE chain = ? AND position > ?",
                Long.class, chain.name(), head.position());
        return above == null ? null : new Failure(above, "a seal above the sealed head at position " + head.position()
                + ", which the sealer never makes: it was added to chain_seal by someone else");
    }

    /** Whether the chain still reaches, unchanged, the head the anchor says was seen before. */
    private Failure anchorFailure(SealedHead head, SealedHead anchored, ChainWalk walk) {
        if (anchored == null) {
            return null;
        }
        if (head.position() < anchored.position()) {
            return new Failure(anchored.position(), "the sealed head is at position " + head.position()
                    + ", below position " + anchored.position() + ", sealed before (head anchor " + anchor.file()
                    + "): sealed " + chain.rows().row() + "s were removed and the head moved back");
        }
        boolean walkedToAnchor = walk.failure == null || walk.failure.position() > anchored.position();
        if (walkedToAnchor && !Arrays.equals(walk.hashAtAnchor, anchored.hash())) {
            return new Failure(anchored.position(), "the chain no longer has at position " + anchored.position()
                    + " the hash it had when it was sealed (head anchor " + anchor.file() + "): the "
                    + chain.rows().row() + "s up to there were changed and sealed again");
        }
        return null;
    }
}
