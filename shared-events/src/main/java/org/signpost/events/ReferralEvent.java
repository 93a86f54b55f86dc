package org.signpost.events;

import java.util.UUID;

/** An event in the life of one referral. */
public sealed interface ReferralEvent extends SignpostEvent
        permits ReferralReceived, Triaged, LinkWorkerAssigned, ReferralWithdrawn, PersonalDataErased {

    UUID referralId();
}
