package org.signpost.query.caseload;

import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.signpost.events.ContactMade;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.ReferralReceived;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.SupportExtended;
import org.signpost.events.UptakeRecorded;
import org.signpost.projection.Projection;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.projection.RowInsert;
import org.signpost.query.privacy.SealedJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each participant's support episode as their link worker sees it. Names come from the
 * referral and are joined at read time, so the order in which referral and participant events
 * reach different segments does not matter.
 */
@Component
@ProcessingGroup(CaseloadReadModel.NAME)
public class CaseloadProjection extends Projection {

    /** The young person's details, sealed (see SealedJson); joined to their episode when read. */
    private static final RowInsert PARTICIPANT_NAME = RowInsert.into("participant_name", "referral_id", "young_person");

    private final SealedJson sealed;

    public CaseloadProjection(JdbcTemplate jdbc, ProjectionGenerations generations, SealedJson sealed) {
        super(CaseloadReadModel.NAME, jdbc, generations);
        this.sealed = sealed;
    }

    @EventHandler
    void on(ReferralReceived event) {
        insert(PARTICIPANT_NAME, event.referralId(), sealed.seal(event.referralId(), event.youngPerson()));
    }

    @EventHandler
    void on(ParticipantEnrolled event, @SequenceNumber long sequence) {
        create(ParticipantRows.TABLE, event.participantId(), () -> ParticipantRow.enrolled(event, sequence));
    }

    @EventHandler
    void on(SessionHeld event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.sessionHeld(event));
    }

    @EventHandler
    void on(SessionMissed event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.missedSessions++);
    }

    @EventHandler
    void on(ContactMade event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.contactMade(event));
    }

    @EventHandler
    void on(SignpostedToVcse event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.signposts++);
    }

    @EventHandler
    void on(LinkWorkerChanged event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.linkWorkerId = event.linkWorkerId());
    }

    @EventHandler
    void on(SupportExtended event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.extensionWeeks += event.weeks());
    }

    @EventHandler
    void on(SafeguardingConcernRaised event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.safeguardingConcerns++);
    }

    /**
     * The count is of open concerns. No migration was needed when closing came in: no closure
     * was stored before it, so every count of concerns raised was the count of those open.
     */
    @EventHandler
    void on(SafeguardingConcernClosed event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.safeguardingConcerns--);
    }

    @EventHandler
    void on(ParticipantDischarged event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> row.discharged(event));
    }

    /** Measures and uptakes change nothing shown here but the participant's version. */
    @EventHandler
    void on(OutcomeMeasured event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> { });
    }

    @EventHandler
    void on(UptakeRecorded event, @SequenceNumber long sequence) {
        participant(event.participantId(), sequence, row -> { });
    }

    /**
     * The row's version is the sequence of the last event applied to it, and a participant's
     * events come in the order of their sequence: one at or below it is in the row already. Met
     * again (a batch handled a second time, around a hand-over or when a process takes another's
     * segments over), it changes nothing, so that no count goes up twice.
     */
    private void participant(UUID participantId, long sequence, Consumer<ParticipantRow> change) {
        change(ParticipantRows.TABLE, participantId, row -> {
            if (sequence > row.version) {
                change.accept(row);
                row.version = sequence;
            }
        });
    }
}
