package org.signpost.platform.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The hash that chains each stored event to the one before it: SHA-256 over the previous hash
 * and every column of the event's row as stored, each length-prefixed so that no two rows
 * encode alike. Changing one byte of a stored event (or deleting or inserting one) changes the
 * hashes from there on, which {@link EventChainVerifier} finds.
 */
public final class EventChain {

    /** The "previous hash" of the first event. */
    static final byte[] GENESIS = new byte[32];

    /** The columns of domain_event_entry the hash covers, in the order they are hashed. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** One stored event as it is in its row. */
    record StoredRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                     String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                     byte[] metaData) {

        static StoredRow read(ResultSet rs) throws SQLException {
            return new StoredRow(rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                    rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                    rs.getBytes("payload"), rs.getBytes("meta_data"));
        }
    }

    private EventChain() {
    }

    static byte[] next(byte[] previous, StoredRow row) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(ByteBuffer.allocate(16).putLong(row.globalIndex()).putLong(row.sequenceNumber()).array());
        for (String text : new String[] {row.eventIdentifier(), row.aggregateIdentifier(), row.type(), row.timeStamp(),
                row.payloadType(), row.payloadRevision()}) {
            field(sha256, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        field(sha256, row.payload());
        field(sha256, row.metaData());
        return sha256.digest();
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static void field(MessageDigest sha256, byte[] bytes) {
        // -1 for null, so that null and empty differ.
        sha256.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            sha256.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
