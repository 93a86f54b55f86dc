package org.signpost.command.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.Need;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Referrer;
import org.signpost.events.TriageOutcome;
import org.signpost.events.YoungPerson;

/** The commands a coordinator or manager gives about a referral. */
public final class ReferralCommands {

    private ReferralCommands() {
    }

    /** Record a referral form. Sent again with the same id and content, it changes nothing. */
    public record ReceiveReferral(
            @TargetAggregateIdentifier UUID referralId,
            ReferralSource source,
            ReferralChannel channel,
            LocalDate receivedOn,
            YoungPerson youngPerson,
            Referrer referrer,
            List<ReferralReason> reasons,
            List<Need> needs,
            ConsentGivenBy consentGivenBy,
            String notes) {
    }

    /**
     * Record a referral form under an id the service has just made for it (the client gave none):
     * nothing can be stored under a fresh random id, so, unlike {@link ReceiveReferral}, the
     * referral is not first looked for in the event store (two queries fewer on every new referral).
     */
    public record ReceiveNewReferral(@TargetAggregateIdentifier UUID referralId, ReceiveReferral form) {

        public ReceiveNewReferral {
            if (!form.referralId().equals(referralId)) {
                throw new IllegalArgumentException("The form's referral id is " + form.referralId() + ", not " + referralId);
            }
        }
    }

    public record TriageReferral(
            @TargetAggregateIdentifier UUID referralId,
            TriageOutcome outcome,
            LocalDate triagedOn,
            String reason,
            String redirectedTo,
            String overrideReason) {
    }

    /** Give an accepted referral its link worker; {@code assignedOn} defaults to today. */
    public record AssignLinkWorker(@TargetAggregateIdentifier UUID referralId, String linkWorkerId, LocalDate assignedOn) {
    }

    /** Withdraw a referral before triage; {@code withdrawnOn} defaults to today. */
    public record WithdrawReferral(@TargetAggregateIdentifier UUID referralId, String reason, LocalDate withdrawnOn) {
    }

    /**
     * Erase the young person's personal data (an upheld erasure request); {@code reason} is the
     * data protection officer's own words (a case reference), recorded in clear.
     */
    public record EraseReferralData(UUID referralId, String reason) {
    }

    /** The same, named by the participant the referral became. */
    public record EraseParticipantData(UUID participantId, String reason) {
    }
}
