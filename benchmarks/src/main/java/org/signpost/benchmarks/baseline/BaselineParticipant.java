package org.signpost.benchmarks.baseline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
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
    /**
     * The sessions recorded, for the rule Signpost's participant has too: a session is recorded
     * once. A peer doing the same command keeps this state, and so loads and reads every session
     * of the participant (without a handler Axon would never deserialize them: see
     * docs/benchmarks.md, "The floor of this machine").
     */
    private final Set<UUID> sessionIds = new HashSet<>();

    BaselineParticipant() {
    }

    BaselineParticipant(UUID participantId, UUID referralId, String linkWorkerId, LocalDate enrolledOn) {
        apply(new ParticipantEnrolled(participantId, referralId, linkWorkerId, enrolledOn));
    }

    @CommandHandler
    void handle(RecordSession command) {
        if (sessionIds.contains(command.sessionId())) {
            throw new IllegalStateException("Session " + command.sessionId() + " is recorded already.");
        }
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

    @EventSourcingHandler
    void on(SessionHeld event) {
        sessionIds.add(event.sessionId());
    }
}
