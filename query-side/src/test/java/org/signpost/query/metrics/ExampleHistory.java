package org.signpost.query.metrics;

import static org.signpost.events.InclusionCriterion.AGE_11_TO_18;
import static org.signpost.events.InclusionCriterion.ANXIETY_OR_LONELINESS;
import static org.signpost.events.ReferralChannel.ELECTRONIC_FORM;
import static org.signpost.events.ReferralChannel.EMAIL;
import static org.signpost.events.ReferralChannel.OTHER;
import static org.signpost.events.ReferralChannel.PHONE_LINE;
import static org.signpost.events.ReferralChannel.PRESCRIPTION_PAD;
import static org.signpost.events.ReferralChannel.WEBSITE;
import static org.signpost.events.ReferralReason.ANXIETY;
import static org.signpost.events.ReferralReason.EMOTIONAL_HEALTH;
import static org.signpost.events.ReferralReason.LIFESTYLE_CHANGE;
import static org.signpost.events.ReferralReason.LONELINESS;
import static org.signpost.events.ReferralReason.PHYSICAL_ACTIVITY;
import static org.signpost.events.ReferralSource.CAMHS;
import static org.signpost.events.ReferralSource.FAMILY_OR_FRIEND;
import static org.signpost.events.ReferralSource.GP;
import static org.signpost.events.ReferralSource.SCHOOL;
import static org.signpost.events.ReferralSource.SELF;
import static org.signpost.events.Timepoint.BASELINE;
import static org.signpost.events.Timepoint.EXIT;
import static org.signpost.events.Timepoint.REVIEW;
import static org.signpost.events.TriageOutcome.ACCEPTED;
import static org.signpost.events.TriageOutcome.DECLINED;
import static org.signpost.events.TriageOutcome.REDIRECTED;
import static org.signpost.query.metrics.Events.assigned;
import static org.signpost.query.metrics.Events.contact;
import static org.signpost.query.metrics.Events.enrolled;
import static org.signpost.query.metrics.Events.id;
import static org.signpost.query.metrics.Events.linkWorkerChanged;
import static org.signpost.query.metrics.Events.ons4;
import static org.signpost.query.metrics.Events.received;
import static org.signpost.query.metrics.Events.session;
import static org.signpost.query.metrics.Events.signposted;
import static org.signpost.query.metrics.Events.swemwbs;
import static org.signpost.query.metrics.Events.triaged;
import static org.signpost.query.metrics.Events.ucla3;
import static org.signpost.query.metrics.Events.uptake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.signpost.events.ReferralReason;

/**
 * A small service's history around the period 2019-04-01 to 2019-06-30 (Q2), with something on
 * both sides of each boundary. Referral Rn enrols participant Pn. {@link EvaluationMetricsTest}
 * works every metric out by hand from this.
 */
final class ExampleHistory {

    static final LocalDate FROM = LocalDate.parse("2019-04-01");
    static final LocalDate TO = LocalDate.parse("2019-06-30");
    static final Instant AS_OF = Instant.parse("2019-08-01T09:00:00Z");

    static final UUID R0 = id("R0"), R1 = id("R1"), R2 = id("R2"), R3 = id("R3"), R4 = id("R4"), R5 = id("R5"),
            R6 = id("R6"), R8 = id("R8"), R9 = id("R9"), R10 = id("R10");
    static final UUID P1 = id("P1"), P2 = id("P2"), P3 = id("P3"), P4 = id("P4"), P8 = id("P8"), P10 = id("P10");

    private ExampleHistory() {
    }

    static History history() {
        History h = new History();
        // R0: received the day before the period, triaged (redirected, failing a criterion) on its first day.
        h.record(received(R0, "2019-03-31", SELF, EMAIL, 13, ReferralReason.OTHER),
                triaged(R0, REDIRECTED, "2019-04-01", ANXIETY_OR_LONELINESS));

        // R1/P1 (GP): received and first seen before the period; link worker changes in it.
        h.record(received(R1, "2019-03-20", GP, EMAIL, 14, ANXIETY),
                triaged(R1, ACCEPTED, "2019-03-25"),
                assigned(R1, P1, "lw-1", "2019-03-26"),
                enrolled(P1, R1, "lw-1", "2019-03-26", "2019-03-20", GP),
                session(P1, id("S1a"), "2019-03-28", 40, 10, "lw-1"),
                swemwbs(P1, BASELINE, "2019-03-28", "18.59"),
                ucla3(P1, BASELINE, "2019-03-28", 8),
                ons4(P1, BASELINE, "2019-03-28", 4, 5, 3, 8),
                signposted(P1, id("G1a"), "2019-03-30"),
                session(P1, id("S1b"), "2019-04-01", 45, null, "lw-1"),
                uptake(P1, id("G1a"), true, "2019-04-10"),
                linkWorkerChanged(P1, "lw-1", "lw-2", "2019-05-01"),
                session(P1, id("S1c"), "2019-05-15", 60, 35, "lw-2"),
                swemwbs(P1, REVIEW, "2019-05-15", "20.73"),
                ons4(P1, REVIEW, "2019-05-15", 6, 6, 5, 5),
                signposted(P1, id("G1b"), "2019-06-30"),
                swemwbs(P1, EXIT, "2019-06-30", "22.35"),
                ucla3(P1, EXIT, "2019-06-30", 5),
                swemwbs(P1, REVIEW, "2019-07-10", "35.00"),
                uptake(P1, id("G1b"), true, "2019-07-15"));

        // R2/P2 (SCHOOL): received on the first day; four sessions with one link worker.
        h.record(received(R2, "2019-04-01", SCHOOL, ELECTRONIC_FORM, 12, ANXIETY, LONELINESS),
                triaged(R2, ACCEPTED, "2019-04-03"),
                assigned(R2, P2, "lw-1", "2019-04-04"),
                enrolled(P2, R2, "lw-1", "2019-04-04", "2019-04-01", SCHOOL),
                session(P2, id("S2a"), "2019-04-15", 30, 30, "lw-1"),
                swemwbs(P2, BASELINE, "2019-04-15", "14.08"),
                ucla3(P2, BASELINE, "2019-04-15", 9),
                ons4(P2, BASELINE, "2019-04-15", 5, 5, 5, 7),
                session(P2, id("S2b"), "2019-04-29", 40, 31, "lw-1"),
                swemwbs(P2, BASELINE, "2019-05-01", "9.51"),
                session(P2, id("S2c"), "2019-05-13", 40, null, "lw-1"),
                signposted(P2, id("G2a"), "2019-05-13"),
                contact(P2, "2019-05-14"),
                uptake(P2, id("G2a"), false, "2019-05-20"),
                signposted(P2, id("G2b"), "2019-05-20"),
                swemwbs(P2, REVIEW, "2019-06-10", "15.84"),
                ucla3(P2, REVIEW, "2019-06-10", 6),
                ucla3(P2, EXIT, "2019-06-10", 4),
                session(P2, id("S2d"), "2019-06-30", 50, 5, "lw-1"),
                ons4(P2, EXIT, "2019-06-30", 8, 6, 5, 6),
                ons4(P2, REVIEW, "2019-07-05", 10, 10, 10, 0));

        // R3/P3 (GP): first session in the period, the next one after it with another link worker.
        h.record(received(R3, "2019-05-10", GP, PHONE_LINE, 17, EMOTIONAL_HEALTH, ANXIETY, ReferralReason.OTHER),
                triaged(R3, ACCEPTED, "2019-05-12"),
                assigned(R3, P3, "lw-2", "2019-05-13"),
                enrolled(P3, R3, "lw-2", "2019-05-13", "2019-05-10", GP),
                session(P3, id("S3a"), "2019-05-21", 40, null, "lw-2"),
                swemwbs(P3, BASELINE, "2019-05-21", "16.36"),
                ucla3(P3, BASELINE, "2019-05-21", 6),
                ucla3(P3, REVIEW, "2019-06-20", 6),
                session(P3, id("S3b"), "2019-07-02", 40, 50, "lw-3"));

        // R4/P4 (FAMILY_OR_FRIEND): not seen in the period, but signposted in it; went, recorded after it.
        h.record(received(R4, "2019-02-15", FAMILY_OR_FRIEND, OTHER, 15, LONELINESS),
                triaged(R4, ACCEPTED, "2019-02-18"),
                assigned(R4, P4, "lw-3", "2019-02-19"),
                enrolled(P4, R4, "lw-3", "2019-02-19", "2019-02-15", FAMILY_OR_FRIEND),
                session(P4, id("S4a"), "2019-03-01", 40, 15, "lw-3"),
                signposted(P4, id("G4"), "2019-06-15"),
                uptake(P4, id("G4"), true, "2019-07-10"));

        // R5, R6, R9: declined; only R5 failed a criterion (age 10).
        h.record(received(R5, "2019-06-01", GP, EMAIL, 10, PHYSICAL_ACTIVITY),
                triaged(R5, DECLINED, "2019-06-02", AGE_11_TO_18),
                received(R6, "2019-05-01", CAMHS, WEBSITE, 16, ReferralReason.OTHER),
                triaged(R6, DECLINED, "2019-05-03"),
                received(R9, "2019-04-10", GP, PRESCRIPTION_PAD, 14, LIFESTYLE_CHANGE),
                triaged(R9, DECLINED, "2019-04-12"));

        // R8/P8 (SCHOOL): received on the last day, triaged and seen after the period.
        h.record(received(R8, "2019-06-30", SCHOOL, EMAIL, 11, LONELINESS, ANXIETY),
                triaged(R8, ACCEPTED, "2019-07-01"),
                assigned(R8, P8, "lw-3", "2019-07-02"),
                enrolled(P8, R8, "lw-3", "2019-07-02", "2019-06-30", SCHOOL),
                session(P8, id("S8a"), "2019-07-03", 40, 20, "lw-3"));

        // R10/P10 (GP): started before the period; six sessions in it, all with lw-2.
        h.record(received(R10, "2019-02-01", GP, EMAIL, 15, ANXIETY),
                triaged(R10, ACCEPTED, "2019-02-03"),
                assigned(R10, P10, "lw-1", "2019-02-04"),
                enrolled(P10, R10, "lw-1", "2019-02-04", "2019-02-01", GP),
                session(P10, id("S10a"), "2019-02-10", 30, null, "lw-1"),
                signposted(P10, id("G10a"), "2019-03-01"),
                linkWorkerChanged(P10, "lw-1", "lw-2", "2019-03-15"),
                uptake(P10, id("G10a"), true, "2019-03-15"),
                session(P10, id("S10b"), "2019-04-02", 30, null, "lw-2"),
                // Recorded before the baseline of the same day: not "later" than it.
                swemwbs(P10, REVIEW, "2019-04-02", "20.00"),
                swemwbs(P10, BASELINE, "2019-04-02", "15.00"),
                session(P10, id("S10c"), "2019-04-09", 30, 45, "lw-2"),
                signposted(P10, id("G10b"), "2019-04-09"),
                session(P10, id("S10d"), "2019-04-16", 30, null, "lw-2"),
                uptake(P10, id("G10b"), false, "2019-04-20"),
                session(P10, id("S10e"), "2019-04-23", 30, null, "lw-2"),
                session(P10, id("S10f"), "2019-04-30", 30, null, "lw-2"),
                session(P10, id("S10g"), "2019-05-07", 30, null, "lw-2"));
        return h;
    }

    static Evaluation evaluation() {
        return EvaluationMetrics.compute(history().facts(), FROM, TO, AS_OF);
    }
}
