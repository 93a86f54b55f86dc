package org.signpost.command.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.signpost.command.CommandAnswer;
import org.signpost.command.SignpostAggregate;
import org.signpost.command.participant.Participant;
import org.signpost.command.referral.ReferralCommands.AssignLinkWorker;
import org.signpost.command.referral.ReferralCommands.ReceiveNewReferral;
import org.signpost.command.referral.ReferralCommands.ReceiveReferral;
import org.signpost.command.referral.ReferralCommands.TriageReferral;
import org.signpost.command.referral.ReferralCommands.WithdrawReferral;
import org.signpost.command.rules.BusinessDates;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.rules.InvalidCommand;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.PersonalDataErased;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.platform.BusinessCalendar;

/**
 * One referral of one young person: received, then triaged once (accepted, redirected or
 * declined) or withdrawn before that; an accepted referral gets a link worker, which enrols
 * the participant.
 */
@Aggregate(cache = "referralCache")
public class Referral extends SignpostAggregate {

    @AggregateIdentifier
    private UUID referralId;
    private ReferralReceived received;
    private long receivedVersion;
    private Triaged triage;
    private LinkWorkerAssigned assignment;
    private long assignmentVersion;
    private ReferralWithdrawn withdrawal;
    private PersonalDataErased erasure;
    private long erasureVersion;

    protected Referral() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandAnswer handle(ReceiveReferral command, Clock clock) {
        ReferralReceived event = receivedFrom(command, clock);
        if (referralId != null) {
            // The same id again: the same form is a retry, another form a conflict.
            if (!event.equals(received)) {
                throw new CommandRefused("referralId", "Referral " + referralId + " exists with other content");
            }
            return new CommandAnswer(Map.of("referralId", referralId), receivedVersion);
        }
        apply(event);
        return new CommandAnswer(Map.of("referralId", command.referralId()), 0L);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CommandAnswer handle(ReceiveNewReferral command, Clock clock) {
        apply(receivedFrom(command.form(), clock));
        return new CommandAnswer(Map.of("referralId", command.referralId()), 0L);
    }

    @CommandHandler
    public CommandAnswer handle(TriageReferral command, Clock clock) {
        requireNotWithdrawn();
        if (triage != null) {
            throw new CommandRefused("Referral " + referralId + " was already triaged on " + triage.triagedOn());
        }
        BusinessDates.requireNotInFuture("triagedOn", command.triagedOn(), clock);
        BusinessDates.requireNotBefore("triagedOn", command.triagedOn(), received.receivedOn(), "the date received");
        if (command.outcome() == TriageOutcome.REDIRECTED && isBlank(command.redirectedTo())) {
            throw new InvalidCommand("redirectedTo", "is required for a REDIRECTED referral");
        }
        List<InclusionCriterion> failed = received.failedCriteria();
        if (command.outcome() == TriageOutcome.ACCEPTED && !failed.isEmpty() && isBlank(command.overrideReason())) {
            throw new CommandRefused("overrideReason",
                    "Accepting a referral that fails " + failed + " needs an override reason");
        }
        apply(new Triaged(referralId, command.outcome(), command.triagedOn(), failed,
                command.outcome() == TriageOutcome.REDIRECTED ? command.redirectedTo() : null,
                PersonalData.ofText(command.reason()),
                command.outcome() == TriageOutcome.ACCEPTED
                        ? PersonalData.ofText(command.overrideReason()) : null));
        return new CommandAnswer(Map.of("outcome", command.outcome(), "failedCriteria", failed), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(AssignLinkWorker command, Clock clock, ParticipantIds participantIds) throws Exception {
        requireNotWithdrawn();
        if (triage == null || triage.outcome() != TriageOutcome.ACCEPTED) {
            throw new CommandRefused("Only an accepted referral gets a link worker");
        }
        if (assignment != null) {
            if (assignment.linkWorkerId().equals(command.linkWorkerId())) {
                return new CommandAnswer(Map.of("participantId", assignment.participantId()), assignmentVersion);
            }
            throw new CommandRefused("linkWorkerId", "Referral " + referralId
                    + " already has a link worker; change it on the participant");
        }
        LocalDate assignedOn = BusinessDates.orToday(command.assignedOn(), clock);
        BusinessDates.requireNotInFuture("assignedOn", assignedOn, clock);
        BusinessDates.requireNotBefore("assignedOn", assignedOn, triage.triagedOn(), "the triage");
        UUID participantId = participantIds.next();
        apply(new LinkWorkerAssigned(referralId, participantId, command.linkWorkerId(), assignedOn));
        ParticipantEnrolled enrolled = new ParticipantEnrolled(participantId, referralId, command.linkWorkerId(),
                assignedOn, received.receivedOn(), received.source());
        createNew(Participant.class, () -> new Participant(enrolled));
        return new CommandAnswer(Map.of("participantId", participantId), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(WithdrawReferral command, Clock clock) {
        requireNotWithdrawn();
        if (triage != null) {
            throw new CommandRefused("Referral " + referralId + " was triaged; only a referral awaiting triage can be withdrawn");
        }
        LocalDate withdrawnOn = BusinessDates.orToday(command.withdrawnOn(), clock);
        BusinessDates.requireNotInFuture("withdrawnOn", withdrawnOn, clock);
        BusinessDates.requireNotBefore("withdrawnOn", withdrawnOn, received.receivedOn(), "the date received");
        apply(new ReferralWithdrawn(referralId, withdrawnOn, PersonalData.ofRequiredText(command.reason())));
        return new CommandAnswer(Map.of(), currentVersion());
    }

    /**
     * Records that the young person's personal data is erased, and the data protection officer's
     * reason (the caller destroys their keys in the same transaction). Asked again, whatever the
     * reason, it answers as the first time and records nothing: the data is erased once.
     */
    public CommandAnswer erasePersonalData(String reason, Clock clock) {
        if (erasure == null) {
            apply(new PersonalDataErased(referralId, assignment == null ? null : assignment.participantId(),
                    BusinessCalendar.today(clock), reason));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", referralId);
        body.put("participantId", erasure.participantId());
        body.put("erasedOn", erasure.erasedOn());
        return new CommandAnswer(body, erasureVersion);
    }

    /** The participant the referral became, if it was assigned. */
    public UUID participantId() {
        return assignment == null ? null : assignment.participantId();
    }

    /** The age at referral from which a date of birth can only be a mistake in a service for young people. */
    static final int NO_LONGER_YOUNG = 26;

    static ReferralReceived receivedFrom(ReceiveReferral command, Clock clock) {
        BusinessDates.requireNotInFuture("receivedOn", command.receivedOn(), clock);
        if (command.youngPerson().dateOfBirth().isAfter(command.receivedOn())) {
            throw new InvalidCommand("youngPerson.dateOfBirth", "must not be after receivedOn");
        }
        int age = InclusionCriteria.ageOn(command.youngPerson().dateOfBirth(), command.receivedOn());
        if (age >= NO_LONGER_YOUNG) {
            // Accepted past 18 with an override (a care leaver, say), never this old: a year mistyped,
            // which would stay in the evaluation's ages at referral for good.
            throw new InvalidCommand("youngPerson.dateOfBirth",
                    "must be less than " + NO_LONGER_YOUNG + " years before receivedOn");
        }
        return new ReferralReceived(command.referralId(), command.source(), command.channel(), command.receivedOn(),
                command.reasons(), command.needs(), command.consentGivenBy(), age,
                PostcodeDistrict.of(command.youngPerson().postcode()),
                InclusionCriteria.failedBy(age, command.needs()),
                PersonalData.of(command.youngPerson()),
                PersonalData.ofNullable(command.referrer()),
                PersonalData.ofText(command.notes()));
    }

    private void requireNotWithdrawn() {
        if (withdrawal != null) {
            throw new CommandRefused("Referral " + referralId + " was withdrawn on " + withdrawal.withdrawnOn());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }


    @EventSourcingHandler
    void on(ReferralReceived event) {
        referralId = event.referralId();
        received = event;
        receivedVersion = 0L;
    }

    @EventSourcingHandler
    void on(Triaged event) {
        triage = event;
    }

    @EventSourcingHandler
    void on(LinkWorkerAssigned event, @SequenceNumber long sequence) {
        assignment = event;
        assignmentVersion = sequence;
    }

    @EventSourcingHandler
    void on(ReferralWithdrawn event) {
        withdrawal = event;
    }

    /** What the aggregate held of the person goes too (it may stay in the aggregate cache). */
    @EventSourcingHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        erasure = event;
        erasureVersion = sequence;
        received = new ReferralReceived(received.referralId(), received.source(), received.channel(),
                received.receivedOn(), received.reasons(), received.needs(), received.consentGivenBy(),
                received.ageOnReceipt(), received.postcodeDistrict(), received.failedCriteria(),
                PersonalData.erased(), received.referrer() == null ? null : PersonalData.erased(),
                received.notes() == null ? null : PersonalData.erased());
    }
}
