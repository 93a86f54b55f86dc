package org.signpost.command.referral;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.signpost.command.CommandAnswer;
import org.signpost.command.participant.Participant;
import org.signpost.command.referral.ReferralCommands.EraseParticipantData;
import org.signpost.command.referral.ReferralCommands.EraseReferralData;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Carries out an upheld erasure request: the referral records {@code PersonalDataErased} and,
 * in the same transaction, the young person's keys (their referral's and their participant's)
 * are destroyed, so every personal value in their events can never be read again, while the
 * events and every evaluation fact in them stay. Handled here rather than in the aggregate
 * because the keys are not the aggregate's state.
 */
@Component
class Erasure {

    private final Repository<Referral> referrals;
    private final Repository<Participant> participants;
    private final Cache participantCache;
    private final PersonalDataKeys keys;
    private final Clock clock;

    Erasure(@Qualifier("referralRepository") Repository<Referral> referrals,
            @Qualifier("participantRepository") Repository<Participant> participants,
            @Qualifier("participantCache") Cache participantCache, PersonalDataKeys keys, Clock clock) {
        this.referrals = referrals;
        this.participants = participants;
        this.participantCache = participantCache;
        this.keys = keys;
        this.clock = clock;
    }

    @CommandHandler
    CommandAnswer handle(EraseReferralData command) {
        return erase(command.referralId(), command.reason());
    }

    @CommandHandler
    CommandAnswer handle(EraseParticipantData command) {
        Aggregate<Participant> participant = participants.load(command.participantId().toString());
        return erase(participant.invoke(Participant::referralId), command.reason());
    }

    private CommandAnswer erase(UUID referralId, String reason) {
        Aggregate<Referral> referral = referrals.load(referralId.toString());
        CommandAnswer answer = referral.invoke(r -> r.erasePersonalData(reason, clock));
        UUID participantId = referral.invoke(Referral::participantId);
        keys.destroy(Arrays.asList(referralId, participantId));
        if (participantId != null) {
            // The cached participant holds what it decrypted of the person (session notes): it goes.
            participantCache.remove(participantId.toString());
        }
        return answer;
    }
}
