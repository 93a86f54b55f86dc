package org.signpost.events;

/** Reasons for referral ticked on the referral form. */
public enum ReferralReason {
    PHYSICAL_ACTIVITY, EMOTIONAL_HEALTH, LIFESTYLE_CHANGE, LONELINESS, ANXIETY, OTHER
}
