package org.signpost.events;

/** How the referral form reached the service. */
public enum ReferralChannel {
    PRESCRIPTION_PAD, ELECTRONIC_FORM, PHONE_LINE, WEBSITE, EMAIL, OTHER
}
