package org.signpost.platform.integrity;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.crypto.SecretKey;

/**
 * The MAC each row of a chain carries from the moment the service writes it (V21): HMAC-SHA256 of
 * the row's columns under a key of the chain's own, derived from the integrity key, which the
 * database never has. The sealer seals whatever row is at the end of a table, a second after it
 * was stored; this is what tells a row the service wrote from one inserted there by anyone else
 * who may insert (an SQL injection runs as the service's role), who has not the key.
 * Thread-safe: each call uses a digest of its own.
 */
public final class RowMac {

    /** The column that holds it, in domain_event_entry and personal_data_read. */
    public static final String COLUMN = "row_mac";

    private final SecretKey key;
    private final ChainedRows rows;

    RowMac(SecretKey key, ChainedRows rows) {
        this.key = key;
        this.rows = rows;
    }

    /** The MAC of the events' rows. */
    public static RowMac events(ChainKey key) {
        return Chain.events(key).rowMac();
    }

    /** The MAC of the read log's rows. */
    public static RowMac readLog(ChainKey key) {
        return Chain.readLog(key).rowMac();
    }

    /**
     * An event's, from the columns the event store writes. Not its global index, which the
     * database gives at insert: its event identifier is unique, so a copy cannot be stored.
     */
    public byte[] event(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                        String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                        byte[] metaData) {
        RowDigest digest = RowDigest.keyed(key);
        ChainedRows.EventRows.written(digest, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,
                payloadType, payloadRevision, payload, metaData);
        return digest.finish();
    }

    /**
     * A read's, with its position: nothing else in a read is unique, so the writer takes its id
     * before it inserts. {@code readAt} to the microsecond, as PostgreSQL keeps it.
     */
    public byte[] read(long id, Instant readAt, String actor, String role, String subjectType, String[] subjectIds,
                       String endpoint, String correlationId) {
        RowDigest digest = RowDigest.keyed(key);
        ChainedRows.ReadLogRows.written(digest, id, readAt, actor, role, subjectType, subjectIds, endpoint,
                correlationId);
        return digest.finish();
    }

    /** A check of stored rows, for one thread. */
    Check check() {
        return new Check(RowDigest.keyed(key));
    }

    /** Checks rows one after the other with one digest. */
    final class Check {
        private final RowDigest digest;

        private Check(RowDigest digest) {
            this.digest = digest;
        }

        /** Whether the current row of a query that selects the chain's columns carries its MAC. */
        boolean carriedBy(ResultSet row) throws SQLException {
            byte[] stored = row.getBytes(COLUMN);
            if (stored == null) {
                return false;
            }
            rows.encodeWritten(row, digest);
            return MessageDigest.isEqual(stored, digest.finish());
        }
    }
}
