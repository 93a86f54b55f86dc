package org.signpost.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.signpost.events.Referrer;
import org.signpost.events.YoungPerson;

/**
 * The bodies of the reads of a referral, a participant, the erasure log and a replay started:
 * what the controllers answer, and so what the OpenAPI document gives a client.
 */
public final class QueryAnswers {

    private QueryAnswers() {
    }

    /** A referral's current state; {@code triage} is null until triaged, {@code participantId} until assigned. */
    public record Referral(UUID referralId, String status, String source, String channel, LocalDate receivedOn,
                           List<String> reasons, List<String> needs, String consentGivenBy, int ageOnReceipt,
                           String postcodeDistrict, List<String> failedCriteria, YoungPerson youngPerson,
                           Referrer referrer, String notes, Triage triage, UUID participantId, String linkWorkerId,
                           LocalDate assignedOn, LocalDate withdrawnOn, String withdrawalReason, long version) {
    }

    public record Triage(String outcome, LocalDate triagedOn, String reason, String redirectedTo,
                         String overrideReason) {
    }

    /** A participant's current state; {@code status} is ACTIVE or DISCHARGED. */
    public record Participant(UUID participantId, UUID referralId, String status, String name, String firstName,
                              String lastName, LocalDate dateOfBirth, Integer age, String linkWorkerId,
                              LocalDate enrolledOn, LocalDate referralReceivedOn, LocalDate firstSessionOn,
                              LocalDate lastSessionOn, Integer weekOfSupport, LocalDate entitlementEndsOn,
                              int sessionsHeld, int sessionsBeyondEntitlement, int missedSessions,
                              LocalDate lastContactOn, int signposts, boolean signposted, int extensionWeeks,
                              int safeguardingConcerns, LocalDate dischargedOn, String dischargeReason,
                              List<String> flags, long version) {
    }

    /** A replay started: {@code statusAt} is where to follow it. */
    public record Replaying(String name, String status, String statusAt) {
    }

    /** One erasure of the erasure log: no personal data. */
    public record Erasure(UUID referralId, UUID participantId, LocalDate erasedOn, String reason,
                          Instant recordedAt, String actor, String role, String correlationId) {
    }
}
