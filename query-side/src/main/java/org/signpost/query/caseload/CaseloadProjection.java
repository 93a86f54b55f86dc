package org.signpost.query.caseload;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.signpost.events.ContactMade;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.ReferralReceived;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.SupportExtended;
import org.signpost.events.UptakeRecorded;
import org.signpost.events.YoungPerson;
import org.signpost.query.projection.Projection;
import org.signpost.query.projection.ProjectionGenerations;
import org.signpost.query.projection.ProjectionNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each participant's support episode as their link worker sees it. Names come from the
 * referral and are joined at read time, so the order in which referral and participant events
 * reach different segments does not matter.
 */
@Component
@ProcessingGroup(ProjectionNames.CASELOAD)
public class CaseloadProjection extends Projection {

    private static final String WHERE = " WHERE generation = {generation} AND participant_id = ?";

    public CaseloadProjection(JdbcTemplate jdbc, ProjectionGenerations generations) {
        super(ProjectionNames.CASELOAD, jdbc, generations);
    }

    @EventHandler
    void on(ReferralReceived event) {
        YoungPerson person = event.youngPerson().value();
        write("""
                INSERT INTO participant_name (generation, referral_id, first_name, last_name, date_of_birth)
                VALUES ({generation}, ?, ?, ?, ?) ON CONFLICT (generation, referral_id) DO NOTHING""",
                event.referralId(), person.firstName(), person.lastName(), person.dateOfBirth());
    }

    @EventHandler
    void on(ParticipantEnrolled event, @SequenceNumber long sequence) {
        write("""
                INSERT INTO participant_view (generation, participant_id, referral_id, link_worker_id, enrolled_on,
                    referral_received_on, version)
                VALUES ({generation}, ?, ?, ?, ?, ?, ?) ON CONFLICT (generation, participant_id) DO NOTHING""",
                event.participantId(), event.referralId(), event.linkWorkerId(), event.enrolledOn(),
                event.referralReceivedOn(), sequence);
    }

    @EventHandler
    void on(SessionHeld event, @SequenceNumber long sequence) {
        boolean longWalk = event.walkMinutesFromHome() != null && event.walkMinutesFromHome() > 30;
        write("""
                UPDATE participant_view SET sessions_held = sessions_held + 1,
                    first_session_on = LEAST(coalesce(first_session_on, ?::date), ?::date),
                    last_session_on = GREATEST(coalesce(last_session_on, ?::date), ?::date),
                    last_contact_on = GREATEST(coalesce(last_contact_on, ?::date), ?::date),
                    sessions_beyond_entitlement = sessions_beyond_entitlement + ?,
                    sessions_over_30_walk = sessions_over_30_walk + ?, version = ?""" + WHERE,
                event.heldOn(), event.heldOn(), event.heldOn(), event.heldOn(), event.heldOn(), event.heldOn(),
                event.beyondEntitlement() ? 1 : 0, longWalk ? 1 : 0, sequence, event.participantId());
    }

    @EventHandler
    void on(SessionMissed event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET missed_sessions = missed_sessions + 1, version = ?" + WHERE,
                sequence, event.participantId());
    }

    @EventHandler
    void on(ContactMade event, @SequenceNumber long sequence) {
        write("""
                UPDATE participant_view SET last_contact_on = GREATEST(coalesce(last_contact_on, ?::date), ?::date),
                    version = ?""" + WHERE,
                event.contactedOn(), event.contactedOn(), sequence, event.participantId());
    }

    @EventHandler
    void on(SignpostedToVcse event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET signposts = signposts + 1, version = ?" + WHERE,
                sequence, event.participantId());
    }

    @EventHandler
    void on(LinkWorkerChanged event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET link_worker_id = ?, version = ?" + WHERE,
                event.linkWorkerId(), sequence, event.participantId());
    }

    @EventHandler
    void on(SupportExtended event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET extension_weeks = extension_weeks + ?, version = ?" + WHERE,
                event.weeks(), sequence, event.participantId());
    }

    @EventHandler
    void on(SafeguardingConcernRaised event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET safeguarding_concerns = safeguarding_concerns + 1, version = ?" + WHERE,
                sequence, event.participantId());
    }

    @EventHandler
    void on(ParticipantDischarged event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET discharged_on = ?, discharge_reason = ?, version = ?" + WHERE,
                event.dischargedOn(), event.reason().name(), sequence, event.participantId());
    }

    @EventHandler
    void on(OutcomeMeasured event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET version = ?" + WHERE, sequence, event.participantId());
    }

    @EventHandler
    void on(UptakeRecorded event, @SequenceNumber long sequence) {
        write("UPDATE participant_view SET version = ?" + WHERE, sequence, event.participantId());
    }
}
