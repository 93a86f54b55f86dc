package org.signpost.benchmarks.baseline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.signpost.benchmarks.baseline.BaselineCommands.RecordContact;
import org.signpost.benchmarks.baseline.BaselineCommands.RecordSession;
import org.signpost.benchmarks.baseline.BaselineEvents.ContactMade;
import org.signpost.benchmarks.baseline.BaselineEvents.ParticipantEnrolled;
import org.signpost.benchmarks.baseline.BaselineEvents.SessionHeld;

/** A participant as a plain Axon service would write it: sessions and contacts from enrolment on. */
@Aggregate
class BaselineParticipant {

    @AggregateIdentifier
    private UUID participantId;
    private LocalDate enrolledOn;

    BaselineParticipant() {
    }

    BaselineParticipant(UUID participantId, UUID referralId, String linkWorkerId, LocalDate enrolledOn) {
        apply(new ParticipantEnrolled(participantId, referralId, linkWorkerId, enrolledOn));
    }

    @CommandHandler
    void handle(RecordSession command) {
        if (command.heldOn().isBefore(enrolledOn)) {
            throw new IllegalArgumentException("A session is not held before enrolment.");
        }
        apply(new SessionHeld(participantId, command.sessionId(), command.heldOn(), command.durationMinutes(),
                command.location(), command.accompaniedBy(), command.walkMinutesFromHome(), command.techniques()));
    }

    @CommandHandler
    void handle(RecordContact command) {
        apply(new ContactMade(participantId, command.channel(), command.direction(), command.contactedOn()));
    }

    @EventSourcingHandler
    void on(ParticipantEnrolled event) {
        participantId = event.participantId();
        enrolledOn = event.enrolledOn();
    }
}
