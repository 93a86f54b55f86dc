package org.signpost.query.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.signpost.projection.RowInsert;
import org.signpost.projection.RowTable;

/** How a {@link ReferralRow} is stored in {@code referral_view}. */
final class ReferralRows extends RowTable<ReferralRow> {

    private static final RowInsert COLUMNS = RowInsert.into("referral_view", "referral_id", "status", "source",
            "channel", "received_on", "reasons", "needs", "consent_given_by", "age_on_receipt", "postcode_district",
            "failed_criteria", "young_person:jsonb", "referrer:jsonb", "notes", "triage_outcome", "triaged_on",
            "triage_reason", "redirected_to", "override_reason", "participant_id", "link_worker_id", "assigned_on",
            "withdrawn_on", "withdrawal_reason", "version", "nhs_number_digest", "surname_birth_digest");

    /** After the columns, which it needs. */
    static final ReferralRows TABLE = new ReferralRows();

    private ReferralRows() {
        super(COLUMNS);
    }

    @Override
    public Object[] values(ReferralRow row) {
        return new Object[] {row.referralId, row.status, row.source, row.channel, row.receivedOn, row.reasons,
                row.needs, row.consentGivenBy, row.ageOnReceipt, row.postcodeDistrict, row.failedCriteria,
                row.youngPerson, row.referrer, row.notes, row.triageOutcome, row.triagedOn, row.triageReason,
                row.redirectedTo, row.overrideReason, row.participantId, row.linkWorkerId, row.assignedOn,
                row.withdrawnOn, row.withdrawalReason, row.version, row.nhsNumberDigest, row.surnameBirthDigest};
    }

    @Override
    public ReferralRow read(ResultSet rs) throws SQLException {
        ReferralRow row = new ReferralRow();
        row.referralId = rs.getObject("referral_id", UUID.class);
        row.status = rs.getString("status");
        row.source = rs.getString("source");
        row.channel = rs.getString("channel");
        row.receivedOn = date(rs, "received_on");
        row.reasons = rs.getString("reasons");
        row.needs = rs.getString("needs");
        row.consentGivenBy = rs.getString("consent_given_by");
        row.ageOnReceipt = rs.getInt("age_on_receipt");
        row.postcodeDistrict = rs.getString("postcode_district");
        row.failedCriteria = rs.getString("failed_criteria");
        row.youngPerson = rs.getString("young_person");
        row.referrer = rs.getString("referrer");
        row.notes = rs.getString("notes");
        row.triageOutcome = rs.getString("triage_outcome");
        row.triagedOn = date(rs, "triaged_on");
        row.triageReason = rs.getString("triage_reason");
        row.redirectedTo = rs.getString("redirected_to");
        row.overrideReason = rs.getString("override_reason");
        row.participantId = rs.getObject("participant_id", UUID.class);
        row.linkWorkerId = rs.getString("link_worker_id");
        row.assignedOn = date(rs, "assigned_on");
        row.withdrawnOn = date(rs, "withdrawn_on");
        row.withdrawalReason = rs.getString("withdrawal_reason");
        row.version = rs.getLong("version");
        row.nhsNumberDigest = rs.getString("nhs_number_digest");
        row.surnameBirthDigest = rs.getString("surname_birth_digest");
        return row;
    }
}
