package org.signpost.query.caseload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.signpost.events.YoungPerson;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.privacy.SealedJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the caseload read model (its active generation). */
@Component
public class CaseloadQueries {

    private static final String ACTIVE = ProjectionGenerations.active(CaseloadReadModel.NAME);
    /** Every column of a participant's row, in {@link ParticipantRows}' order, then their young person. */
    private static final String SELECT = "SELECT "
            + ParticipantRows.COLUMNS.columns().stream().map(column -> "p." + column).collect(Collectors.joining(", "))
            + ", n.young_person FROM participant_view p LEFT JOIN participant_name n"
            + " ON n.generation = p.generation AND n.referral_id = p.referral_id WHERE p.generation = " + ACTIVE;
    private static final int YOUNG_PERSON = ParticipantRows.COLUMNS.columns().size() + 1;

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

    /** A link worker's active participants, their young people still sealed. */
    public SealedParticipants activeParticipantsOf(String linkWorkerId) {
        return rows(SELECT + " AND p.link_worker_id = ? AND p.discharged_on IS NULL ORDER BY p.enrolled_on, p.participant_id",
                linkWorkerId);
    }

    /** Every link worker's active participants, their young people still sealed. */
    public SealedParticipants activeParticipants() {
        return rows(SELECT + " AND p.discharged_on IS NULL ORDER BY p.link_worker_id, p.enrolled_on, p.participant_id");
    }

    public Optional<ParticipantState> participant(UUID participantId) {
        return rows(SELECT + " AND p.participant_id = ?", participantId).open().stream().findFirst();
    }

    /** A row as stored: the young person still sealed. */
    private record StoredRow(String youngPerson, ParticipantState withoutPerson) {
    }

    /**
     * Participants as read, their young people still sealed: who they are is known (to log the
     * read while they are opened), what they are called is not yet.
     */
    public final class SealedParticipants {

        private final List<StoredRow> rows;

        private SealedParticipants(List<StoredRow> rows) {
            this.rows = rows;
        }

        /**
         * What may be known of them without their young people: the state on which flags,
         * counts and the rows to open are decided (its name and date of birth are null).
         */
        public List<ParticipantState> unopened() {
            return rows.stream().map(StoredRow::withoutPerson).toList();
        }

        /** Those whose state without the young person passes, still sealed. */
        public SealedParticipants where(Predicate<ParticipantState> test) {
            return new SealedParticipants(rows.stream().filter(row -> test.test(row.withoutPerson())).toList());
        }

        public List<UUID> participantIds() {
            return rows.stream().map(row -> row.withoutPerson().participantId()).toList();
        }

        /**
         * Every young person opened at once (their keys read in one query, not one per row: a
         * caseload of a hundred would otherwise cost a hundred lookups).
         */
        public List<ParticipantState> open() {
            List<YoungPerson> people = sealed.open(rows.stream().map(StoredRow::youngPerson).toList(), YoungPerson.class);
            List<ParticipantState> states = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                states.add(rows.get(i).withoutPerson().withPerson(people.get(i)));
            }
            return states;
        }
    }

    private SealedParticipants rows(String sql, Object... args) {
        return new SealedParticipants(jdbc.query(sql,
                (rs, i) -> new StoredRow(rs.getString(YOUNG_PERSON), ParticipantRows.TABLE.read(rs).state()), args));
    }
}
