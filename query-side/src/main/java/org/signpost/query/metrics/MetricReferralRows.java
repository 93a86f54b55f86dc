package org.signpost.query.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.signpost.projection.RowInsert;
import org.signpost.projection.RowTable;

/**
 * A referral's facts in {@code metric_referral}: received, then triaged. The triage changes the
 * row, so it is a {@link RowTable} (kept in memory while a rebuild scans the store).
 */
final class MetricReferralRows extends RowTable<MetricReferralRows.Row> {

    static final class Row {
        final UUID referralId;
        final LocalDate receivedOn;
        final String source;
        final String channel;
        final String reasons;
        final int ageOnReceipt;
        /** When the referral's receipt, then its triage, were recorded in the store. */
        final Timestamp receivedAt;
        String triageOutcome;
        LocalDate triagedOn;
        String failedCriteria;
        Timestamp triagedAt;

        Row(UUID referralId, LocalDate receivedOn, String source, String channel, String reasons, int ageOnReceipt,
            Timestamp receivedAt) {
            this.referralId = referralId;
            this.receivedOn = receivedOn;
            this.source = source;
            this.channel = channel;
            this.reasons = reasons;
            this.ageOnReceipt = ageOnReceipt;
            this.receivedAt = receivedAt;
        }
    }

    private static final RowInsert COLUMNS = RowInsert.into("metric_referral", "referral_id", "received_on", "source",
            "channel", "reasons", "age_on_receipt", "triage_outcome", "triaged_on", "failed_criteria", "received_at", "triaged_at");

    /** After the columns, which it needs. */
    static final MetricReferralRows TABLE = new MetricReferralRows();

    private MetricReferralRows() {
        super(COLUMNS);
    }

    @Override
    public Object[] values(Row row) {
        return new Object[] {row.referralId, row.receivedOn, row.source, row.channel, row.reasons, row.ageOnReceipt,
                row.triageOutcome, row.triagedOn, row.failedCriteria, row.receivedAt, row.triagedAt};
    }

    @Override
    public Row read(ResultSet rs) throws SQLException {
        Row row = new Row(rs.getObject("referral_id", UUID.class), date(rs, "received_on"), rs.getString("source"),
                rs.getString("channel"), rs.getString("reasons"), rs.getInt("age_on_receipt"),
                rs.getTimestamp("received_at"));
        row.triageOutcome = rs.getString("triage_outcome");
        row.triagedOn = date(rs, "triaged_on");
        row.failedCriteria = rs.getString("failed_criteria");
        row.triagedAt = rs.getTimestamp("triaged_at");
        return row;
    }
}
