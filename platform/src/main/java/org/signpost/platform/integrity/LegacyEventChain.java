package org.signpost.platform.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.signpost.platform.integrity.ChainReport.Failure;
import org.signpost.platform.integrity.ChainReport.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-over from the event chain of earlier versions (V3: event_chain and event_chain_head,
 * SHA-256 without a key, which anyone who could write the database could recompute) to the keyed
 * one. Before the keyed chain seals its first event, the unkeyed chain is checked once, as it
 * stands, and the result is recorded in event_chain_handover with an HMAC under the integrity
 * key; the keyed chain then vouches for the history from there on. A hand-over that found the
 * unkeyed chain broken leaves the events' chain broken for good, as the old check would have, and
 * its head hash can be compared with any the operators noted down before (the old check logged it).
 */
public class LegacyEventChain implements HandOver {

    private static final Logger log = LoggerFactory.getLogger(LegacyEventChain.class);
    private static final String NAME = "events before keys";

    private final JdbcTemplate jdbc;
    private final SecretKey recordKey;
    private final Clock clock;
    private volatile boolean handedOver;

    public LegacyEventChain(JdbcTemplate jdbc, ChainKey key, Clock clock) {
        this.jdbc = jdbc;
        this.recordKey = key.derive("hand-over from the unkeyed event chain");
        this.clock = clock;
    }

    private record Recorded(ChainReport report, boolean genuine) {
    }

    @Override
    public void beforeFirstSeal() {
        if (handedOver || !recorded().isEmpty()) {
            handedOver = true;
            return;
        }
        SealedHead head = jdbc.queryForObject("SELECT sealed_up_to, hash FROM event_chain_head",
                (rs, i) -> new SealedHead(rs.getLong(1), rs.getBytes(2)));
        ChainWalk walk = ChainWalk.walk(jdbc, ChainedRows.EVENTS, "SELECT global_index AS position, hash FROM event_chain",
                RowDigest.unkeyed(), head.position(), 0);
        Failure failure = walk.failure;
        if (failure == null && !Arrays.equals(walk.hash, head.hash())) {
            failure = new Failure(head.position(), "the unkeyed chain does not end in its head's hash");
        }
        ChainReport report = new ChainReport(NAME, failure == null ? Status.INTACT : Status.BROKEN, walk.verified,
                head.position(), head.hex(), 0, failure, clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.update("""
                INSERT INTO event_chain_handover (checked_at, status, verified_events, sealed_up_to, head_hash,
                    failure_position, failure_reason, mac)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                report.checkedAt().atOffset(ZoneOffset.UTC), report.status().name(), report.verified(),
                report.sealedUpTo(), head.hash(), failure == null ? null : failure.position(),
                failure == null ? null : failure.reason(), mac(report));
        if (report.intact() && report.verified() == 0) {
            // A new installation has no unkeyed chain to hand over: nothing worth a line after "ready".
            log.debug("Event chain handed over to the keyed chain: the unkeyed chain was empty");
        } else if (report.intact()) {
            log.info("Event chain handed over to the keyed chain: the unkeyed chain was intact, {} events up to "
                    + "position {}, head hash {}", report.verified(), report.sealedUpTo(), report.headHash());
        } else {
            log.error("Event chain handed over to the keyed chain: the unkeyed chain was BROKEN at position {}: {} "
                    + "(head {}, hash {})", failure.position(), failure.reason(), report.sealedUpTo(), report.headHash());
        }
        handedOver = true;
    }

    @Override
    public Optional<Failure> failure(long sealedUpTo) {
        List<Recorded> recorded = recorded();
        if (recorded.isEmpty()) {
            return sealedUpTo == 0 ? Optional.empty() : Optional.of(new Failure(1, "the record of the hand-over from "
                    + "the unkeyed event chain (event_chain_handover) is missing, though the keyed chain has begun"));
        }
        Recorded handOver = recorded.get(0);
        if (!handOver.genuine()) {
            return Optional.of(new Failure(1, "the record of the hand-over from the unkeyed event chain "
                    + "(event_chain_handover) was changed after it was made"));
        }
        Failure failure = handOver.report().firstFailure();
        return failure == null ? Optional.empty() : Optional.of(new Failure(failure.position(),
                "before the keyed chain took over (" + handOver.report().checkedAt() + "), " + failure.reason()));
    }

    @Override
    public Optional<ChainReport> report() {
        return recorded().stream().map(Recorded::report).findFirst();
    }

    private List<Recorded> recorded() {
        return jdbc.query("""
                SELECT checked_at, status, verified_events, sealed_up_to, head_hash, failure_position, failure_reason,
                       mac
                FROM event_chain_handover""", (rs, i) -> {
            long failurePosition = rs.getLong("failure_position");
            Failure failure = rs.wasNull() ? null : new Failure(failurePosition, rs.getString("failure_reason"));
            ChainReport report = new ChainReport(NAME, Status.valueOf(rs.getString("status")),
                    rs.getLong("verified_events"), rs.getLong("sealed_up_to"),
                    new SealedHead(0, rs.getBytes("head_hash")).hex(), 0, failure,
                    rs.getObject("checked_at", OffsetDateTime.class).toInstant());
            return new Recorded(report, MessageDigest.isEqual(rs.getBytes("mac"), mac(report)));
        });
    }

    private byte[] mac(ChainReport report) {
        Failure failure = report.firstFailure();
        String record = String.join("\n", report.status().name(), Long.toString(report.verified()),
                Long.toString(report.sealedUpTo()), report.headHash(),
                failure == null ? "" : Long.toString(failure.position()), failure == null ? "" : failure.reason(),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, report.checkedAt())));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(recordKey);
            return mac.doFinal(record.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
        }
    }
}
