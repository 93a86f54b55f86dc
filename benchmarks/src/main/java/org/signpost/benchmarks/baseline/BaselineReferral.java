package org.signpost.benchmarks.baseline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.signpost.benchmarks.baseline.BaselineCommands.AssignLinkWorker;
import org.signpost.benchmarks.baseline.BaselineCommands.ReceiveReferral;
import org.signpost.benchmarks.baseline.BaselineCommands.TriageReferral;
import org.signpost.benchmarks.baseline.BaselineEvents.LinkWorkerAssigned;
import org.signpost.benchmarks.baseline.BaselineEvents.ReferralReceived;
import org.signpost.benchmarks.baseline.BaselineEvents.ReferralTriaged;

/** A referral as a plain Axon service would write it: received, triaged once, assigned once when accepted. */
@Aggregate
class BaselineReferral {

    @AggregateIdentifier
    private UUID referralId;
    private String outcome;
    private boolean assigned;

    BaselineReferral() {
    }

    @CommandHandler
    BaselineReferral(ReceiveReferral command) {
        apply(new ReferralReceived(command.referralId(), command.source(), command.channel(), command.receivedOn(),
                command.firstName(), command.lastName(), command.dateOfBirth(), command.postcode(), command.reasons(),
                command.needs(), command.consentGivenBy(), command.notes()));
    }

    @CommandHandler
    void handle(TriageReferral command) {
        if (outcome != null) {
            throw new IllegalStateException("This referral has been triaged already.");
        }
        apply(new ReferralTriaged(referralId, command.outcome(), command.triagedOn()));
    }

    @CommandHandler
    void handle(AssignLinkWorker command) throws Exception {
        if (!"ACCEPTED".equals(outcome) || assigned) {
            throw new IllegalStateException("Only an accepted referral is assigned, once.");
        }
        apply(new LinkWorkerAssigned(referralId, command.participantId(), command.linkWorkerId(), command.assignedOn()));
        createNew(BaselineParticipant.class, () -> new BaselineParticipant(command.participantId(), referralId,
                command.linkWorkerId(), command.assignedOn()));
    }

    @EventSourcingHandler
    void on(ReferralReceived event) {
        referralId = event.referralId();
    }

    @EventSourcingHandler
    void on(ReferralTriaged event) {
        outcome = event.outcome();
    }

    @EventSourcingHandler
    void on(LinkWorkerAssigned event) {
        assigned = true;
    }
}
