package org.signpost.query.metrics;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.TriageOutcome;

/**
 * Every evaluation metric of PRODUCT.md for one period, shaped exactly as API.md's evaluation
 * object (the names below are the JSON names). Maps keyed by an enum hold every value of it in
 * declaration order, zeros included, so that two evaluations always have the same rows.
 * Decimals are in {@link Decimals}' canonical form.
 */
public record Evaluation(
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate from,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate to,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant asOf,
        ReferralsReceived referralsReceived,
        ReasonsForReferral reasonsForReferral,
        TriageOutcomes triageOutcomes,
        int peopleSeen,
        int referredToVcse,
        BigDecimal referralRate,
        BigDecimal referralRatePercent,
        VcseUptake vcseUptake,
        SessionsPerPerson sessionsPerPerson,
        SessionMinutes sessionMinutes,
        DaysToFirstSession daysToFirstSession,
        Continuity continuity,
        WalkingDistance walkingDistance,
        AgeAtReferral ageAtReferral,
        OutcomeChange outcomeChange,
        @JsonIgnore PeopleBehind peopleBehind) {

    public record CountAndShare(int count, BigDecimal share) {
    }

    public record ReferralsReceived(int total, Map<ReferralSource, CountAndShare> bySource,
                                    Map<ReferralChannel, CountAndShare> byChannel) {
    }

    public record ReasonsForReferral(int total, Map<ReferralReason, CountAndShare> byReason) {
    }

    public record TriageOutcomes(int total, Map<TriageOutcome, Integer> byOutcome,
                                 Map<ReferralSource, InappropriateReferrals> inappropriateBySource) {
    }

    /** {@code declined}: declined referrals that failed at least one inclusion criterion. */
    public record InappropriateReferrals(int declined, int triaged, BigDecimal rate) {
    }

    public record VcseUptake(int signposted, int attended, BigDecimal rate) {
    }

    /** {@code distribution}: people with 1, 2, 3, 4 and "5+" sessions, in that order. */
    public record SessionsPerPerson(BigDecimal mean, BigDecimal median, int max, Map<String, Integer> distribution) {
    }

    public record SessionMinutes(BigDecimal mean) {
    }

    public record DaysToFirstSession(BigDecimal median) {
    }

    public record Continuity(BigDecimal rate) {
    }

    public record WalkingDistance(int sessions, int over30, BigDecimal rate) {
    }

    /** {@code min} and {@code max} are null when no referral was received in the period. */
    public record AgeAtReferral(BigDecimal mean, Integer min, Integer max) {
    }

    public record OutcomeChange(@JsonProperty("SWEMWBS") Change swemwbs,
                                @JsonProperty("UCLA3") Change ucla3,
                                @JsonProperty("ONS4") Ons4Change ons4) {
    }

    /** ONS4 items are never summed, so each has its own change, in the instrument's item order. */
    public record Ons4Change(Change lifeSatisfaction, Change worthwhile, Change happy, Change anxious) {
    }

    public record Change(int participants, BigDecimal meanChange) {
    }

    /**
     * How many people stand behind the figures that do not show it themselves, so that a
     * publication can withhold a figure about too few of them (see {@link Publication}); never
     * shown. {@code firstSessions}: the people behind daysToFirstSession; {@code continuous}:
     * the people seen whose sessions were all with one link worker; {@code walked},
     * {@code walkedOver30}, {@code walkedAtMost30}: the people with a session that has a walking
     * time, one over 30 minutes, one of 30 minutes or less.
     */
    public record PeopleBehind(int firstSessions, int continuous, int walked, int walkedOver30, int walkedAtMost30) {
    }
}
