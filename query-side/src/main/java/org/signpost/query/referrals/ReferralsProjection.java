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
        create(ReferralRows.TABLE, event.referralId(), () -> {
            ReferralRow row = new ReferralRow();
            row.referralId = event.referralId();
            row.status = "AWAITING_TRIAGE";
            row.source = event.source().name();
            row.channel = event.channel().name();
            row.receivedOn = event.receivedOn();
            row.reasons = ProjectionJson.names(event.reasons());
            row.needs = ProjectionJson.names(event.needs());
            row.consentGivenBy = event.consentGivenBy().name();
            row.ageOnReceipt = event.ageOnReceipt();
            row.postcodeDistrict = event.postcodeDistrict();
            row.failedCriteria = ProjectionJson.names(event.failedCriteria());
            row.youngPerson = ProjectionJson.write(value(event.youngPerson()));
            row.referrer = ProjectionJson.write(value(event.referrer()));
            row.notes = value(event.notes());
            row.version = sequence;
            return row;
        });
    }

    @EventHandler
    void on(Triaged event, @SequenceNumber long sequence) {
        change(ReferralRows.TABLE, event.referralId(), row -> {
            row.status = event.outcome().name();
            row.triageOutcome = event.outcome().name();
            row.triagedOn = event.triagedOn();
            row.triageReason = value(event.reason());
            row.redirectedTo = event.redirectedTo();
            row.overrideReason = value(event.overrideReason());
            row.version = sequence;
        });
    }

    @EventHandler
    void on(LinkWorkerAssigned event, @SequenceNumber long sequence) {
        change(ReferralRows.TABLE, event.referralId(), row -> {
            row.status = "ASSIGNED";
            row.participantId = event.participantId();
            row.linkWorkerId = event.linkWorkerId();
            row.assignedOn = event.assignedOn();
            row.version = sequence;
        });
    }

    @EventHandler
    void on(ReferralWithdrawn event, @SequenceNumber long sequence) {
        change(ReferralRows.TABLE, event.referralId(), row -> {
            row.status = "WITHDRAWN";
            row.withdrawnOn = event.withdrawnOn();
            row.withdrawalReason = value(event.reason());
            row.version = sequence;
        });
    }

    static <T> T value(PersonalData<T> data) {
        return data == null ? null : data.value();
    }
}
