package org.signpost.query.referrals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code referral_view} as the referrals projection's handlers change it. Mutable
 * because it lives only within one batch of events, or one rebuild, before it is stored.
 */
final class ReferralRow {

    UUID referralId;
    String status;
    String source;
    String channel;
    LocalDate receivedOn;
    String reasons;
    String needs;
    String consentGivenBy;
    int ageOnReceipt;
    String postcodeDistrict;
    String failedCriteria;
    /** JSON */
    String youngPerson;
    /** JSON */
    String referrer;
    String notes;
    String triageOutcome;
    LocalDate triagedOn;
    String triageReason;
    String redirectedTo;
    String overrideReason;
    UUID participantId;
    String linkWorkerId;
    LocalDate assignedOn;
    LocalDate withdrawnOn;
    String withdrawalReason;
    long version;
    /** Keyed digests to find the young person by (see PersonLookup); null once erased. */
    String nhsNumberDigest;
    String surnameBirthDigest;
}
