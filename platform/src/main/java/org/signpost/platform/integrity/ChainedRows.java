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

    /** The columns the hash covers, selected by the sealer and the verifier. */
    List<String> columns();

    /** Feeds the current row's columns to the digest. */
    void encode(ResultSet row, RowDigest digest) throws SQLException;

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
            // The instant itself, to the microsecond PostgreSQL keeps: its text would follow the session's time zone.
            Instant readAt = row.getObject("read_at", OffsetDateTime.class).toInstant();
            digest.number(row.getLong("id")).number(readAt.getEpochSecond()).number(readAt.getNano())
                    .text(row.getString("actor")).text(row.getString("role")).text(row.getString("subject_type"));
            String[] people = (String[]) row.getArray("subject_ids").getArray();
            digest.number(people.length);
            for (String person : people) {
                digest.text(person);
            }
            digest.text(row.getString("endpoint")).text(row.getString("correlation_id"));
        }
    }
}
