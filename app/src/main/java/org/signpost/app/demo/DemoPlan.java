package org.signpost.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's whole history, planned before any of it is sent: every referral in the order received
 * and every command, in the order of their business dates.
 *
 * @param referrals the referrals' ids, oldest first
 */
public record DemoPlan(long seed, LocalDate today, List<UUID> referrals, List<DemoStep> steps) {

    public DemoPlan {
        referrals = List.copyOf(referrals);
        steps = List.copyOf(steps);
    }

    /** The first day of the demo's year: no referral is received before it. */
    public LocalDate firstDay() {
        return today.minusDays(DemoHistory.DAYS - 1);
    }

    public List<DemoStep> stepsOf(UUID referralId) {
        return steps.stream().filter(step -> step.referralId().equals(referralId)).toList();
    }

    /** Each referral's commands in their order, by referral, the oldest referral first. */
    public Map<UUID, List<DemoStep>> stories() {
        Map<UUID, List<DemoStep>> stories = new LinkedHashMap<>();
        referrals.forEach(referral -> stories.put(referral, new ArrayList<>()));
        steps.forEach(step -> stories.get(step.referralId()).add(step));
        return stories;
    }

    public List<DemoStep> steps(DemoStep.Kind kind) {
        return steps.stream().filter(step -> step.kind() == kind).toList();
    }

    /** Referrals received from {@code from} to {@code to}, inclusive (the metrics' referralsReceived). */
    public long referralsReceivedBetween(LocalDate from, LocalDate to) {
        return steps(DemoStep.Kind.RECEIVE).stream().map(step -> step.date("receivedOn"))
                .filter(day -> !day.isBefore(from) && !day.isAfter(to)).count();
    }
}
