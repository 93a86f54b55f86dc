package org.signpost.command.participant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.stereotype.Aggregate;
import org.signpost.command.CommandAnswer;
import org.signpost.command.SignpostAggregate;
import org.signpost.command.participant.ParticipantCommands.ChangeLinkWorker;
import org.signpost.command.participant.ParticipantCommands.CloseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.DischargeParticipant;
import org.signpost.command.participant.ParticipantCommands.ExtendSupport;
import org.signpost.command.participant.ParticipantCommands.RaiseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.RecordContact;
import org.signpost.command.participant.ParticipantCommands.RecordMissedSession;
import org.signpost.command.participant.ParticipantCommands.RecordOutcomeMeasure;
import org.signpost.command.participant.ParticipantCommands.RecordSession;
import org.signpost.command.participant.ParticipantCommands.RecordUptake;
import org.signpost.command.participant.ParticipantCommands.SignpostToVcse;
import org.signpost.command.rules.BusinessDates;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.rules.InvalidCommand;
import org.signpost.command.rules.UnknownEntity;
import org.signpost.events.ContactMade;
import org.signpost.events.Entitlement;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.SupportExtended;
import org.signpost.events.UptakeRecorded;
import org.signpost.platform.BusinessCalendar;
import org.signpost.platform.axon.MetaDataKeys;
import org.signpost.platform.security.Role;

/**
 * One young person's support episode, from enrolment to discharge. After discharge nothing
 * but a read of its history happens.
 */
@Aggregate(cache = "participantCache")
public class Participant extends SignpostAggregate {


    @AggregateIdentifier
    private UUID participantId;
    private UUID referralId;
    private LocalDate referralReceivedOn;
    private String linkWorkerId;
    private LocalDate firstSessionOn;
    private int extensionWeeks;
    private ParticipantDischarged discharge;
    private final Map<UUID, Recorded<SessionHeld>> sessions = new HashMap<>();
    private final Map<UUID, Recorded<SignpostedToVcse>> signposts = new HashMap<>();
    private final Map<UUID, Recorded<UptakeRecorded>> latestUptake = new HashMap<>();
    /** The concerns still open, each with the day it was raised: a concern is closed on or after it. */
    private final Map<UUID, LocalDate> openConcerns = new HashMap<>();
    /** The closed ones, to answer a retried closure as the first time and to say when a concern was closed. */
    private final Map<UUID, Recorded<SafeguardingConcernClosed>> closedConcerns = new HashMap<>();

    /** An event kept with the version it produced, to answer a retried command as the first time. */
    record Recorded<E>(E event, long version) {
    }

    protected Participant() {
        // for Axon: rebuilt from its events
    }

    /** Enrolment, created by the referral's assignment of a link worker. */
    public Participant(ParticipantEnrolled enrolled) {
        apply(enrolled);
    }

    /** The referral this participant came from: the young person's personal data is erased through it. */
    public UUID referralId() {
        return referralId;
    }

    /**
     * A link worker acts only on the participants currently assigned to them; anyone else's is
     * answered exactly as an unknown participant, so its existence is not disclosed.
     */
    @Override
    protected void checkAccess(MetaData metaData) {
        if (Role.LINK_WORKER.name().equals(metaData.get(MetaDataKeys.ROLE))
                && !Objects.equals(metaData.get(MetaDataKeys.LINK_WORKER_ID), linkWorkerId)) {
            throw new AggregateNotFoundException(participantId.toString(), "No such referral or participant");
        }
    }

    @CommandHandler
    public CommandAnswer handle(RecordSession command, Clock clock) {
        Recorded<SessionHeld> earlier = sessions.get(command.sessionId());
        if (earlier != null) {
            if (!sameSession(earlier.event(), command)) {
                throw new CommandRefused("sessionId", "Session " + command.sessionId() + " exists with other content");
            }
            return sessionAnswer(earlier.event(), earlier.version());
        }
        requireActive();
        if (command.durationMinutes() < 1 || command.durationMinutes() > 240) {
            throw new InvalidCommand("durationMinutes", "must be from 1 to 240");
        }
        requireDate("heldOn", command.heldOn(), clock);
        SessionHeld event = new SessionHeld(participantId, command.sessionId(), command.heldOn(),
                command.durationMinutes(), command.location(), command.accompaniedBy(),
                command.walkMinutesFromHome(), command.techniques(), linkWorkerId,
                beyondEntitlement(command.heldOn()), PersonalData.ofText(command.notes()));
        apply(event);
        return sessionAnswer(event, currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(RecordMissedSession command, Clock clock) {
        requireActive();
        requireDate("plannedOn", command.plannedOn(), clock);
        apply(new SessionMissed(participantId, command.plannedOn(), PersonalData.ofText(command.reason())));
        return new CommandAnswer(Map.of(), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(RecordContact command, Clock clock) {
        requireActive();
        requireDate("contactedOn", command.contactedOn(), clock);
        apply(new ContactMade(participantId, command.channel(), command.direction(), command.contactedOn()));
        return new CommandAnswer(Map.of(), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(RecordOutcomeMeasure command, Clock clock) {
        requireActive();
        OutcomeScoring.validate(command.instrument(), command.itemScores());
        requireDate("recordedOn", command.recordedOn(), clock);
        OutcomeMeasured event = new OutcomeMeasured(participantId, command.instrument(), command.timepoint(),
                command.recordedOn(), command.itemScores(), OutcomeScoring.score(command.instrument(), command.itemScores()));
        apply(event);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("score", event.score());
        return new CommandAnswer(body, currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(SignpostToVcse command, Clock clock) {
        SignpostedToVcse event = new SignpostedToVcse(participantId, command.signpostId(), command.organisation(),
                command.activity(), command.category(), command.signpostedOn(), command.fundedAccess(),
                command.transportSupport());
        Recorded<SignpostedToVcse> earlier = signposts.get(command.signpostId());
        if (earlier != null) {
            if (!earlier.event().equals(event)) {
                throw new CommandRefused("signpostId", "Signpost " + command.signpostId() + " exists with other content");
            }
            return new CommandAnswer(Map.of("signpostId", command.signpostId()), earlier.version());
        }
        requireActive();
        requireDate("signpostedOn", command.signpostedOn(), clock);
        apply(event);
        return new CommandAnswer(Map.of("signpostId", command.signpostId()), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(RecordUptake command, Clock clock) {
        Recorded<SignpostedToVcse> signpost = signposts.get(command.signpostId());
        if (signpost == null) {
            throw new UnknownEntity("No signpost " + command.signpostId() + " for participant " + participantId);
        }
        UptakeRecorded event = new UptakeRecorded(participantId, command.signpostId(), command.attended(), command.recordedOn());
        Recorded<UptakeRecorded> latest = latestUptake.get(command.signpostId());
        if (latest != null && latest.event().equals(event)) {
            return new CommandAnswer(Map.of(), latest.version());
        }
        requireActive();
        BusinessDates.requireNotInFuture("recordedOn", command.recordedOn(), clock);
        BusinessDates.requireNotBefore("recordedOn", command.recordedOn(), signpost.event().signpostedOn(),
                "the signposting");
        apply(event);
        return new CommandAnswer(Map.of(), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(ChangeLinkWorker command, Clock clock) {
        requireActive();
        if (command.linkWorkerId().equals(linkWorkerId)) {
            throw new CommandRefused("linkWorkerId", "The participant is already with link worker " + linkWorkerId);
        }
        LocalDate changedOn = BusinessDates.orToday(command.changedOn(), clock);
        requireDate("changedOn", changedOn, clock);
        apply(new LinkWorkerChanged(participantId, linkWorkerId, command.linkWorkerId(), changedOn,
                PersonalData.ofRequiredText(command.reason())));
        return new CommandAnswer(Map.of(), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(ExtendSupport command, Clock clock) {
        requireActive();
        if (command.weeks() < 1 || command.weeks() > 52) {
            throw new InvalidCommand("weeks", "must be from 1 to 52");
        }
        apply(new SupportExtended(participantId, command.weeks(), BusinessCalendar.today(clock),
                PersonalData.ofRequiredText(command.reason())));
        return new CommandAnswer(Map.of(), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(RaiseSafeguardingConcern command, Clock clock) {
        requireActive();
        requireDate("raisedOn", command.raisedOn(), clock);
        apply(new SafeguardingConcernRaised(participantId, command.concernId(), command.raisedOn(),
                PersonalData.ofRequiredText(command.summary())));
        return new CommandAnswer(Map.of("concernId", command.concernId()), currentVersion());
    }

    /**
     * Closes an open concern. The same closure sent again (a retry whose answer was lost) is
     * answered as the first time; any other closure of a closed concern is refused.
     */
    @CommandHandler
    public CommandAnswer handle(CloseSafeguardingConcern command, Clock clock) {
        SafeguardingConcernClosed event = new SafeguardingConcernClosed(participantId, command.concernId(),
                command.closedOn(), PersonalData.ofRequiredText(command.outcome()));
        Recorded<SafeguardingConcernClosed> closed = closedConcerns.get(command.concernId());
        if (closed != null) {
            if (!closed.event().equals(event)) {
                throw new CommandRefused("concernId", "Safeguarding concern " + command.concernId()
                        + " was already closed on " + closed.event().closedOn());
            }
            return new CommandAnswer(Map.of(), closed.version());
        }
        LocalDate raisedOn = openConcerns.get(command.concernId());
        if (raisedOn == null) {
            throw new UnknownEntity("No safeguarding concern " + command.concernId() + " for participant " + participantId);
        }
        requireActive();
        BusinessDates.requireNotInFuture("closedOn", command.closedOn(), clock);
        BusinessDates.requireNotBefore("closedOn", command.closedOn(), raisedOn, "the day the concern was raised");
        apply(event);
        return new CommandAnswer(Map.of(), currentVersion());
    }

    @CommandHandler
    public CommandAnswer handle(DischargeParticipant command, Clock clock) {
        requireActive();
        requireDate("dischargedOn", command.dischargedOn(), clock);
        apply(new ParticipantDischarged(participantId, command.reason(), command.dischargedOn()));
        return new CommandAnswer(Map.of(), currentVersion());
    }

    /** A session on or after the end of the entitlement (12 weeks from the first session, plus extensions). */
    boolean beyondEntitlement(LocalDate heldOn) {
        if (firstSessionOn == null || heldOn.isBefore(firstSessionOn)) {
            return false;
        }
        return !heldOn.isBefore(Entitlement.endsOn(firstSessionOn, extensionWeeks));
    }

    private void requireActive() {
        if (discharge != null) {
            throw new CommandRefused("Participant " + participantId + " was discharged on " + discharge.dischargedOn());
        }
    }

    private void requireDate(String field, LocalDate date, Clock clock) {
        BusinessDates.requireNotInFuture(field, date, clock);
        BusinessDates.requireNotBefore(field, date, referralReceivedOn, "the date the referral was received");
    }

    private static boolean sameSession(SessionHeld held, RecordSession command) {
        return held.heldOn().equals(command.heldOn())
                && held.durationMinutes() == command.durationMinutes()
                && held.location() == command.location()
                && held.accompaniedBy() == command.accompaniedBy()
                && Objects.equals(held.walkMinutesFromHome(), command.walkMinutesFromHome())
                && held.techniques().equals(List.copyOf(command.techniques()))
                && Objects.equals(held.notes(), PersonalData.ofText(command.notes()));
    }

    private static CommandAnswer sessionAnswer(SessionHeld event, long version) {
        return new CommandAnswer(Map.of("sessionId", event.sessionId(), "beyondEntitlement", event.beyondEntitlement()),
                version);
    }


    @EventSourcingHandler
    void on(ParticipantEnrolled event) {
        participantId = event.participantId();
        referralId = event.referralId();
        referralReceivedOn = event.referralReceivedOn();
        linkWorkerId = event.linkWorkerId();
    }

    @EventSourcingHandler
    void on(SessionHeld event, @SequenceNumber long sequence) {
        sessions.put(event.sessionId(), new Recorded<>(event, sequence));
        if (firstSessionOn == null || event.heldOn().isBefore(firstSessionOn)) {
            firstSessionOn = event.heldOn();
        }
    }

    @EventSourcingHandler
    void on(SignpostedToVcse event, @SequenceNumber long sequence) {
        signposts.put(event.signpostId(), new Recorded<>(event, sequence));
    }

    @EventSourcingHandler
    void on(UptakeRecorded event, @SequenceNumber long sequence) {
        latestUptake.put(event.signpostId(), new Recorded<>(event, sequence));
    }

    @EventSourcingHandler
    void on(LinkWorkerChanged event) {
        linkWorkerId = event.linkWorkerId();
    }

    @EventSourcingHandler
    void on(SupportExtended event) {
        extensionWeeks += event.weeks();
    }

    @EventSourcingHandler
    void on(SafeguardingConcernRaised event) {
        openConcerns.put(event.concernId(), event.raisedOn());
    }

    @EventSourcingHandler
    void on(SafeguardingConcernClosed event, @SequenceNumber long sequence) {
        openConcerns.remove(event.concernId());
        closedConcerns.put(event.concernId(), new Recorded<>(event, sequence));
    }

    /** The concerns open now (for tests: the state only the event-sourcing handlers change). */
    Set<UUID> openConcerns() {
        return Set.copyOf(openConcerns.keySet());
    }

    @EventSourcingHandler
    void on(ParticipantDischarged event) {
        discharge = event;
    }
}
