package org.signpost.query.referrals;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.Triaged;
import org.signpost.query.projection.Projection;
import org.signpost.query.projection.ProjectionGenerations;
import org.signpost.query.projection.ProjectionJson;
import org.signpost.query.projection.ProjectionNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each referral's current state; those awaiting triage form the coordinators' triage queue. */
@Component
@ProcessingGroup(ProjectionNames.REFERRALS)
public class ReferralsProjection extends Projection {

    public ReferralsProjection(JdbcTemplate jdbc, ProjectionGenerations generations) {
        super(ProjectionNames.REFERRALS, jdbc, generations);
    }

    @EventHandler
    void on(ReferralReceived event, @SequenceNumber long sequence) {
        write("""
                INSERT INTO referral_view (generation, referral_id, status, source, channel, received_on, reasons, needs,
                    consent_given_by, age_on_receipt, postcode_district, failed_criteria, young_person, referrer, notes, version)
                VALUES ({generation}, ?, 'AWAITING_TRIAGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                ON CONFLICT (generation, referral_id) DO NOTHING""",
                event.referralId(), event.source().name(), event.channel().name(), event.receivedOn(),
                ProjectionJson.names(event.reasons()), ProjectionJson.names(event.needs()),
                event.consentGivenBy().name(), event.ageOnReceipt(), event.postcodeDistrict(),
                ProjectionJson.names(event.failedCriteria()), ProjectionJson.write(value(event.youngPerson())),
                ProjectionJson.write(value(event.referrer())), value(event.notes()), sequence);
    }

    @EventHandler
    void on(Triaged event, @SequenceNumber long sequence) {
        write("""
                UPDATE referral_view SET status = ?, triage_outcome = ?, triaged_on = ?, triage_reason = ?,
                    redirected_to = ?, override_reason = ?, version = ?
                WHERE generation = {generation} AND referral_id = ?""",
                event.outcome().name(), event.outcome().name(), event.triagedOn(), value(event.reason()),
                event.redirectedTo(), value(event.overrideReason()), sequence, event.referralId());
    }

    @EventHandler
    void on(LinkWorkerAssigned event, @SequenceNumber long sequence) {
        write("""
                UPDATE referral_view SET status = 'ASSIGNED', participant_id = ?, link_worker_id = ?, assigned_on = ?,
                    version = ?
                WHERE generation = {generation} AND referral_id = ?""",
                event.participantId(), event.linkWorkerId(), event.assignedOn(), sequence, event.referralId());
    }

    @EventHandler
    void on(ReferralWithdrawn event, @SequenceNumber long sequence) {
        write("""
                UPDATE referral_view SET status = 'WITHDRAWN', withdrawn_on = ?, withdrawal_reason = ?, version = ?
                WHERE generation = {generation} AND referral_id = ?""",
                event.withdrawnOn(), value(event.reason()), sequence, event.referralId());
    }

    static <T> T value(PersonalData<T> data) {
        return data == null ? null : data.value();
    }
}
