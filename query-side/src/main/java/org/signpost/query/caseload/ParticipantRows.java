package org.signpost.query.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.signpost.projection.RowInsert;
import org.signpost.projection.RowTable;

/**
 * How a {@link ParticipantRow} is stored in {@code participant_view}: its columns, written and
 * read in this one order (the caseload's queries select them in it too).
 */
final class ParticipantRows extends RowTable<ParticipantRow> {

    static final RowInsert COLUMNS = RowInsert.into("participant_view", "participant_id", "referral_id",
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

    /** A row selected with {@link #COLUMNS} first, in their order: by position (by name, a lookup for each value). */
    @Override
    public ParticipantRow read(ResultSet rs) throws SQLException {
        ParticipantRow row = new ParticipantRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), day(rs, 4), day(rs, 5), rs.getLong(18));
        row.firstSessionOn = day(rs, 6);
        row.lastSessionOn = day(rs, 7);
        row.sessionsHeld = rs.getInt(8);
        row.sessionsBeyondEntitlement = rs.getInt(9);
        row.missedSessions = rs.getInt(10);
        row.lastContactOn = day(rs, 11);
        row.signposts = rs.getInt(12);
        row.extensionWeeks = rs.getInt(13);
        row.sessionsOver30Walk = rs.getInt(14);
        row.safeguardingConcerns = rs.getInt(15);
        row.dischargedOn = day(rs, 16);
        row.dischargeReason = rs.getString(17);
        return row;
    }

    private static LocalDate day(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
