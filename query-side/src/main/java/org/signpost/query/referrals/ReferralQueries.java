package org.signpost.query.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.signpost.events.Referrer;
import org.signpost.events.YoungPerson;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.privacy.SealedJson;
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

    /** A referral's current state, as a JSON-ready map, with its version. */
    public Optional<Map<String, Object>> referral(UUID referralId) {
        return jdbc.query("SELECT * FROM referral_view WHERE generation = " + ACTIVE + " AND referral_id = ?",
                this::state, referralId).stream().findFirst();
    }

    private Map<String, Object> state(ResultSet rs, int row) throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", rs.getObject("referral_id", UUID.class));
        body.put("status", rs.getString("status"));
        body.put("source", rs.getString("source"));
        body.put("channel", rs.getString("channel"));
        body.put("receivedOn", rs.getObject("received_on", LocalDate.class));
        body.put("reasons", list(rs.getString("reasons")));
        body.put("needs", list(rs.getString("needs")));
        body.put("consentGivenBy", rs.getString("consent_given_by"));
        body.put("ageOnReceipt", rs.getInt("age_on_receipt"));
        body.put("postcodeDistrict", rs.getString("postcode_district"));
        body.put("failedCriteria", list(rs.getString("failed_criteria")));
        body.put("youngPerson", sealed.open(rs.getString("young_person"), YoungPerson.class));
        body.put("referrer", sealed.open(rs.getString("referrer"), Referrer.class));
        body.put("notes", sealed.open(rs.getString("notes"), String.class));
        if (rs.getString("triage_outcome") != null) {
            Map<String, Object> triage = new LinkedHashMap<>();
            triage.put("outcome", rs.getString("triage_outcome"));
            triage.put("triagedOn", rs.getObject("triaged_on", LocalDate.class));
            triage.put("reason", sealed.open(rs.getString("triage_reason"), String.class));
            triage.put("redirectedTo", rs.getString("redirected_to"));
            triage.put("overrideReason", sealed.open(rs.getString("override_reason"), String.class));
            body.put("triage", triage);
        } else {
            body.put("triage", null);
        }
        body.put("participantId", rs.getObject("participant_id", UUID.class));
        body.put("linkWorkerId", rs.getString("link_worker_id"));
        body.put("assignedOn", rs.getObject("assigned_on", LocalDate.class));
        body.put("withdrawnOn", rs.getObject("withdrawn_on", LocalDate.class));
        body.put("withdrawalReason", sealed.open(rs.getString("withdrawal_reason"), String.class));
        body.put("version", rs.getLong("version"));
        return body;
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

}
