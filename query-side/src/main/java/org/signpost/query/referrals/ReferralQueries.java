package org.signpost.query.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.events.Referrer;
import org.signpost.events.YoungPerson;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.privacy.SealedJson;
import org.signpost.query.web.QueryAnswers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the referrals read model (its active generation). */
@Component
public class ReferralQueries {

    private static final String ACTIVE = ProjectionGenerations.active(ReferralsReadModel.NAME);

    private final JdbcTemplate jdbc;
    private final SealedJson sealed;

    public ReferralQueries(JdbcTemplate jdbc, SealedJson sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    public record Waiting(UUID referralId, LocalDate receivedOn, String source, List<String> failedCriteria) {
    }

    /** Referrals awaiting triage, oldest first. */
    public List<Waiting> awaitingTriage() {
        return jdbc.query("SELECT referral_id, received_on, source, failed_criteria FROM referral_view WHERE generation = "
                        + ACTIVE + " AND status = 'AWAITING_TRIAGE' ORDER BY received_on, referral_id",
                (rs, i) -> new Waiting(rs.getObject("referral_id", UUID.class), rs.getObject("received_on", LocalDate.class),
                        rs.getString("source"), list(rs.getString("failed_criteria"))));
    }

    /** A referral found by one of its young person's digests, the young person still sealed. */
    public record Found(UUID referralId, UUID participantId, String sealedYoungPerson, String status,
                        String linkWorkerId, LocalDate receivedOn) {
    }

    /** The referrals whose young person's NHS number has this digest (see PersonLookup), newest first. */
    public List<Found> byNhsNumberDigest(String digest) {
        return found("nhs_number_digest", digest);
    }

    /** The referrals whose young person's surname and date of birth have this digest, newest first. */
    public List<Found> bySurnameAndBirthDigest(String digest) {
        return found("surname_birth_digest", digest);
    }

    private List<Found> found(String column, String digest) {
        return jdbc.query("SELECT referral_id, participant_id, young_person, status, link_worker_id, received_on "
                        + "FROM referral_view WHERE generation = " + ACTIVE + " AND " + column + " = ? "
                        + "ORDER BY received_on DESC, referral_id",
                (rs, i) -> new Found(rs.getObject("referral_id", UUID.class), rs.getObject("participant_id", UUID.class),
                        rs.getString("young_person"), rs.getString("status"), rs.getString("link_worker_id"),
                        rs.getObject("received_on", LocalDate.class)), digest);
    }

    /** The participant a referral was assigned as: empty before its assignment (or with no such referral). */
    public Optional<UUID> participantOf(UUID referralId) {
        return jdbc.query("SELECT participant_id FROM referral_view WHERE generation = " + ACTIVE
                + " AND referral_id = ? AND participant_id IS NOT NULL",
                (rs, row) -> rs.getObject("participant_id", UUID.class), referralId).stream().findFirst();
    }

    /** A referral's current state, with its version. */
    public Optional<QueryAnswers.Referral> referral(UUID referralId) {
        return jdbc.query("SELECT * FROM referral_view WHERE generation = " + ACTIVE + " AND referral_id = ?",
                this::state, referralId).stream().findFirst();
    }

    private QueryAnswers.Referral state(ResultSet rs, int row) throws SQLException {
        QueryAnswers.Triage triage = rs.getString("triage_outcome") == null ? null : new QueryAnswers.Triage(
                rs.getString("triage_outcome"), rs.getObject("triaged_on", LocalDate.class),
                sealed.open(rs.getString("triage_reason"), String.class), rs.getString("redirected_to"),
                sealed.open(rs.getString("override_reason"), String.class));
        return new QueryAnswers.Referral(rs.getObject("referral_id", UUID.class), rs.getString("status"),
                rs.getString("source"), rs.getString("channel"), rs.getObject("received_on", LocalDate.class),
                list(rs.getString("reasons")), list(rs.getString("needs")), rs.getString("consent_given_by"),
                rs.getInt("age_on_receipt"), rs.getString("postcode_district"), list(rs.getString("failed_criteria")),
                sealed.open(rs.getString("young_person"), YoungPerson.class),
                sealed.open(rs.getString("referrer"), Referrer.class), sealed.open(rs.getString("notes"), String.class),
                triage, rs.getObject("participant_id", UUID.class), rs.getString("link_worker_id"),
                rs.getObject("assigned_on", LocalDate.class), rs.getObject("withdrawn_on", LocalDate.class),
                sealed.open(rs.getString("withdrawal_reason"), String.class), rs.getLong("version"));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

}
