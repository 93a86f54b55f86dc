package org.signpost.query.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.signpost.projection.RowInsert;
import org.signpost.projection.RowTable;

/** How a {@link ParticipantRow} is stored in {@code participant_view}. */
final class ParticipantRows extends RowTable<ParticipantRow> {

    private static final RowInsert COLUMNS = RowInsert.into("participant_view", "participant_id", "referral_id",
            "link_worker_id", "enrolled_on", "referral_received_on", "first_session_on", "last_session_on",
            "sessions_held", "sessions_beyond_entitlement", "missed_sessions", "last_contact_on", "signposts",
            "extension_weeks", "sessions_over_30_walk", "safeguarding_concerns", "discharged_on", "discharge_reason",
            "version");

    /** After the columns, which it needs. */
    static final ParticipantRows TABLE = new ParticipantRows();

    private ParticipantRows() {
        super(COLUMNS);
    }

    @Override
    public Object[] values(ParticipantRow row) {
        return new Object[] {row.participantId, row.referralId, row.linkWorkerId, row.enrolledOn,
                row.referralReceivedOn, row.firstSessionOn, row.lastSessionOn, row.sessionsHeld,
                row.sessionsBeyondEntitlement, row.missedSessions, row.lastContactOn, row.signposts,
                row.extensionWeeks, row.sessionsOver30Walk, row.safeguardingConcerns, row.dischargedOn,
                row.dischargeReason, row.version};
    }

    @Override
    public ParticipantRow read(ResultSet rs) throws SQLException {
        ParticipantRow row = new ParticipantRow(rs.getObject("participant_id", UUID.class),
                rs.getObject("referral_id", UUID.class), rs.getString("link_worker_id"), date(rs, "enrolled_on"),
                date(rs, "referral_received_on"), rs.getLong("version"));
        row.firstSessionOn = date(rs, "first_session_on");
        row.lastSessionOn = date(rs, "last_session_on");
        row.sessionsHeld = rs.getInt("sessions_held");
        row.sessionsBeyondEntitlement = rs.getInt("sessions_beyond_entitlement");
        row.missedSessions = rs.getInt("missed_sessions");
        row.lastContactOn = date(rs, "last_contact_on");
        row.signposts = rs.getInt("signposts");
        row.extensionWeeks = rs.getInt("extension_weeks");
        row.sessionsOver30Walk = rs.getInt("sessions_over_30_walk");
        row.safeguardingConcerns = rs.getInt("safeguarding_concerns");
        row.dischargedOn = date(rs, "discharged_on");
        row.dischargeReason = rs.getString("discharge_reason");
        return row;
    }
}
