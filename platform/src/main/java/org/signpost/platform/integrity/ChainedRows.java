package org.signpost.platform.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rows one chain seals: an append-only table, in the order of its position column, and how
 * each row's columns are fed to its hash (every column, as stored).
 */
public interface ChainedRows {

    /** The event store (domain_event_entry), by global index. */
    ChainedRows EVENTS = new EventRows();

    /** The log of reads of personal data (personal_data_read, one row per answer), by id. */
    ChainedRows READ_LOG = new ReadLogRows();

    String table();

    /** What one row is, in the verifier's reports: "event". */
    String row();

    /** The column that orders the rows: positions taken from a sequence, final once sealed. */
    String position();

    /** The columns the hash covers, selected by the sealer and the verifier (with the row's MAC). */
    List<String> columns();

    /** Feeds the current row's columns to the digest. */
    void encode(ResultSet row, RowDigest digest) throws SQLException;

    /** Feeds the current row's columns its {@link RowMac} covers to the digest, as its writer did. */
    void encodeWritten(ResultSet row, RowDigest digest) throws SQLException;

    /** An event as Axon's JDBC storage wrote it; encoded as the unkeyed chain of V3 encoded it. */
    final class EventRows implements ChainedRows {

        private EventRows() {
        }

        @Override
        public String table() {
            return "domain_event_entry";
        }

        @Override
        public String row() {
            return "event";
        }

        @Override
        public String position() {
            return "global_index";
        }

        @Override
        public List<String> columns() {
            return List.of("global_index", "event_identifier", "aggregate_identifier", "sequence_number", "type",
                    "time_stamp", "payload_type", "payload_revision", "payload", "meta_data");
        }

        @Override
        public void encode(ResultSet row, RowDigest digest) throws SQLException {
            digest.number(row.getLong("global_index")).number(row.getLong("sequence_number"))
                    .text(row.getString("event_identifier")).text(row.getString("aggregate_identifier"))
                    .text(row.getString("type")).text(row.getString("time_stamp"))
                    .text(row.getString("payload_type")).text(row.getString("payload_revision"))
                    .field(row.getBytes("payload")).field(row.getBytes("meta_data"));
        }

        @Override
        public void encodeWritten(ResultSet row, RowDigest digest) throws SQLException {
            written(digest, row.getString("event_identifier"), row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"), row.getString("type"), row.getString("time_stamp"),
                    row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                    row.getBytes("meta_data"));
        }

        /** An event's columns but its global index, as the event store writes them. */
        static void written(RowDigest digest, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                            String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                            byte[] metaData) {
            digest.text(eventIdentifier).text(aggregateIdentifier).number(sequenceNumber).text(type).text(timeStamp)
                    .text(payloadType).text(payloadRevision).field(payload).field(metaData);
        }
    }

    /** One answer's read of personal data (V8): who, in which role, whom, through which endpoint, when. */
    final class ReadLogRows implements ChainedRows {

        private ReadLogRows() {
        }

        @Override
        public String table() {
            return "personal_data_read";
        }

        @Override
        public String row() {
            return "read-log row";
        }

        @Override
        public String position() {
            return "id";
        }

        @Override
        public List<String> columns() {
            return List.of("id", "read_at", "actor", "role", "subject_type", "subject_ids", "endpoint",
                    "correlation_id");
        }

        @Override
        public void encode(ResultSet row, RowDigest digest) throws SQLException {
            encodeWritten(row, digest);
        }

        @Override
        public void encodeWritten(ResultSet row, RowDigest digest) throws SQLException {
            // The instant itself, to the microsecond PostgreSQL keeps: its text would follow the session's time zone.
            written(digest, row.getLong("id"), row.getObject("read_at", OffsetDateTime.class).toInstant(),
                    row.getString("actor"), row.getString("role"), row.getString("subject_type"),
                    (String[]) row.getArray("subject_ids").getArray(), row.getString("endpoint"),
                    row.getString("correlation_id"));
        }

        /** A read's columns, with its id, as the read log writes them. */
        static void written(RowDigest digest, long id, Instant readAt, String actor, String role, String subjectType,
                            String[] subjectIds, String endpoint, String correlationId) {
            digest.number(id).number(readAt.getEpochSecond()).number(readAt.getNano()).text(actor).text(role)
                    .text(subjectType).number(subjectIds.length);
            for (String person : subjectIds) {
                digest.text(person);
            }
            digest.text(endpoint).text(correlationId);
        }
    }
}
