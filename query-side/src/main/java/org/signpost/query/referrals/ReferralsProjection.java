package org.signpost.query.referrals;

import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.PersonalData;
import org.signpost.events.PersonalDataErased;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.Triaged;
import org.signpost.events.YoungPerson;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.signpost.projection.Projection;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.privacy.PersonLookup;
import org.signpost.query.privacy.SealedJson;
import org.signpost.query.projection.ProjectionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each referral's current state; those awaiting triage form the coordinators' triage queue. */
@Component
@ProcessingGroup(ReferralsReadModel.NAME)
public class ReferralsProjection extends Projection {

    private static final Logger log = LoggerFactory.getLogger(ReferralsProjection.class);

    private final SealedJson sealed;
    private final PersonalDataKeys keys;
    private final PersonLookup lookup;

    public ReferralsProjection(JdbcTemplate jdbc, ProjectionGenerations generations, SealedJson sealed,
                               PersonalDataKeys keys, PersonLookup lookup) {
        super(ReferralsReadModel.NAME, jdbc, generations);
        this.sealed = sealed;
        this.keys = keys;
        this.lookup = lookup;
    }

    /**
     * Every personal value here is sealed with keys that are gone now; this process forgets them
     * at once too (the command side may be another process). What is not sealed, the digests a
     * young person is found by, goes: they would still match their NHS number or surname and
     * date of birth. A replay does not compute them again: the person's data opens as null.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        keys.forget(Arrays.asList(event.referralId(), event.participantId()));
        change(ReferralRows.TABLE, event.referralId(), row -> {
            row.nhsNumberDigest = null;
            row.surnameBirthDigest = null;
        });
    }

    /**
     * A rebuild reads every young person in clear, for their digests: their keys are read a
     * chunk at a time, in one query, rather than one query for each referral.
     */
    @Override
    protected void beforeRebuildChunk(List<EventMessage<?>> messages) {
        try {
            keys.preload(messages.stream().filter(message -> message.getPayloadType() == ReferralReceived.class)
                    .map(message -> ((ReferralReceived) message.getPayload()).referralId()).toList());
        } catch (RuntimeException e) {
            // Only quicker: a key that cannot be unwrapped is met again, alone, by its referral's handler.
            log.debug("Keys of a chunk not read in one go: {}", e.getClass().getSimpleName());
        }
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
            row.reasons = ProjectionJson.csv(event.reasons());
            row.needs = ProjectionJson.csv(event.needs());
            row.consentGivenBy = event.consentGivenBy().name();
            row.ageOnReceipt = event.ageOnReceipt();
            row.postcodeDistrict = event.postcodeDistrict();
            row.failedCriteria = ProjectionJson.csv(event.failedCriteria());
            row.youngPerson = sealed.seal(event.referralId(), event.youngPerson());
            row.referrer = sealed.seal(event.referralId(), event.referrer());
            row.notes = sealed.seal(event.referralId(), event.notes());
            YoungPerson person = openForDigests(event);
            row.nhsNumberDigest = lookup.nhsNumber(person);
            row.surnameBirthDigest = lookup.surnameAndBirth(person);
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
            row.triageReason = sealed.seal(event.referralId(), event.reason());
            row.redirectedTo = event.redirectedTo();
            row.overrideReason = sealed.seal(event.referralId(), event.overrideReason());
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
            row.withdrawalReason = sealed.seal(event.referralId(), event.reason());
            row.version = sequence;
        });
    }

    /**
     * The one value read in clear here, for the digests alone: null if erased. A value that
     * cannot be opened for another reason (its key unusable) leaves the referral unfindable by
     * search rather than the referral itself out of the read model, as it was before the
     * digests: its row still shows, its personal data sealed as it came.
     */
    private static YoungPerson openForDigests(ReferralReceived event) {
        try {
            PersonalData<YoungPerson> person = event.youngPerson();
            return person == null ? null : person.value();
        } catch (RuntimeException e) {
            log.warn("The young person of referral {} could not be opened: not findable by search ({})",
                    event.referralId(), e.getClass().getSimpleName());
            return null;
        }
    }
}
