package org.signpost.query.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.events.YoungPerson;
import org.signpost.query.projection.ProjectionGenerations;
import org.signpost.query.projection.SealedJson;
import org.signpost.query.projection.ProjectionNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the caseload read model (its active generation). */
@Component
public class CaseloadQueries {

    private static final String ACTIVE = ProjectionGenerations.active(ProjectionNames.CASELOAD);
    private static final String SELECT = """
            SELECT p.*, n.young_person
            FROM participant_view p
            LEFT JOIN participant_name n ON n.generation = p.generation AND n.referral_id = p.referral_id
            WHERE p.generation = """ + ACTIVE;

    private final JdbcTemplate jdbc;
    private final SealedJson sealed;

    public CaseloadQueries(JdbcTemplate jdbc, SealedJson sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    /** Active participants per link worker. */
    public List<LinkWorkerLoad> activeCounts() {
        return jdbc.query("SELECT link_worker_id, count(*) AS active FROM participant_view WHERE generation = " + ACTIVE
                        + " AND discharged_on IS NULL GROUP BY link_worker_id ORDER BY link_worker_id",
                (rs, i) -> new LinkWorkerLoad(rs.getString("link_worker_id"), rs.getInt("active")));
    }

    public record LinkWorkerLoad(String linkWorkerId, int active) {
    }

    public List<ParticipantState> activeParticipantsOf(String linkWorkerId) {
        return states(SELECT + " AND p.link_worker_id = ? AND p.discharged_on IS NULL ORDER BY p.enrolled_on, p.participant_id",
                linkWorkerId);
    }

    public Optional<ParticipantState> participant(UUID participantId) {
        return states(SELECT + " AND p.participant_id = ?", participantId).stream().findFirst();
    }

    /** A row as stored: the young person still sealed. */
    private record StoredRow(String youngPerson, ParticipantState withoutPerson) {
    }

    /**
     * The rows, then every young person on them opened at once (their keys read in one query, not
     * one per row: a caseload of a hundred would otherwise cost a hundred lookups).
     */
    private List<ParticipantState> states(String sql, Object... args) {
        List<StoredRow> rows = jdbc.query(sql, (rs, i) -> new StoredRow(rs.getString("young_person"), state(rs)), args);
        List<YoungPerson> people = sealed.open(rows.stream().map(StoredRow::youngPerson).toList(), YoungPerson.class);
        List<ParticipantState> states = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            states.add(rows.get(i).withoutPerson().withPerson(people.get(i)));
        }
        return states;
    }

    private ParticipantState state(ResultSet rs) throws SQLException {
        return new ParticipantState(rs.getObject("participant_id", UUID.class), rs.getObject("referral_id", UUID.class),
                null, null, null,
                rs.getString("link_worker_id"), date(rs, "enrolled_on"), date(rs, "referral_received_on"),
                date(rs, "first_session_on"), date(rs, "last_session_on"), rs.getInt("sessions_held"),
                rs.getInt("sessions_beyond_entitlement"), rs.getInt("missed_sessions"), date(rs, "last_contact_on"),
                rs.getInt("signposts"), rs.getInt("extension_weeks"), rs.getInt("sessions_over_30_walk"),
                rs.getInt("safeguarding_concerns"), date(rs, "discharged_on"), rs.getString("discharge_reason"),
                rs.getLong("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
