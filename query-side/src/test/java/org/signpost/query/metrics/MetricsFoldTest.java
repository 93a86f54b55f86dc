package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.metrics.Events.date;
import static org.signpost.query.metrics.Events.id;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signpost.events.ContactMade;
import org.signpost.events.DischargeReason;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.PersonalData;
import org.signpost.events.PersonalDataErased;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostEvent;
import org.signpost.events.SupportExtended;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;

/** Which writer call each event of the catalogue makes, with which values. */
class MetricsFoldTest {

    private final List<String> calls = new ArrayList<>();
    private final FactsWriter recorder = (FactsWriter) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {FactsWriter.class},
            (proxy, method, args) -> {
                calls.add(method.getName() + Arrays.asList(args));
                return null;
            });

    @Test
    void theEventsOfTheMetricsBecomeFacts() {
        MetricsFold.apply(Events.received(id("R"), "2019-04-01", ReferralSource.GP, ReferralChannel.EMAIL, 10,
                ReferralReason.ANXIETY), 0, recorder);
        MetricsFold.apply(Events.triaged(id("R"), TriageOutcome.DECLINED, "2019-04-02",
                InclusionCriterion.AGE_11_TO_18), 1, recorder);
        MetricsFold.apply(Events.enrolled(id("P"), id("R"), "lw-1", "2019-04-03", "2019-04-01", ReferralSource.GP),
                0, recorder);
        MetricsFold.apply(Events.session(id("P"), id("S"), "2019-04-04", 40, null, "lw-1"), 1, recorder);
        MetricsFold.apply(Events.signposted(id("P"), id("G"), "2019-04-05"), 2, recorder);
        MetricsFold.apply(Events.uptake(id("P"), id("G"), true, "2019-04-06"), 3, recorder);
        MetricsFold.apply(Events.ons4(id("P"), Timepoint.BASELINE, "2019-04-07", 1, 2, 3, 4), 7, recorder);

        assertThat(calls).containsExactly(
                "referralReceived" + List.of(id("R"), date("2019-04-01"), ReferralSource.GP, ReferralChannel.EMAIL,
                        List.of(ReferralReason.ANXIETY), 10),
                "referralTriaged" + List.of(id("R"), TriageOutcome.DECLINED, date("2019-04-02"),
                        List.of(InclusionCriterion.AGE_11_TO_18)),
                "participantEnrolled" + List.of(id("P"), id("R"), date("2019-04-01"), ReferralSource.GP, "lw-1"),
                "sessionHeld" + Arrays.asList(id("P"), id("S"), date("2019-04-04"), 40, null, "lw-1"),
                "signposted" + List.of(id("P"), id("G"), date("2019-04-05")),
                "uptakeRecorded" + List.of(id("P"), id("G"), true, date("2019-04-06")),
                "outcomeMeasured" + Arrays.asList(id("P"), 7L, Instrument.ONS4, Timepoint.BASELINE,
                        date("2019-04-07"), List.of(1, 2, 3, 4), null));
    }

    @Test
    void eventsTheMetricsDoNotNeedAndNonEventsAreIgnored() {
        List<Object> ignored = List.of(
                Events.assigned(id("R"), id("P"), "lw-1", "2019-04-03"),
                new ReferralWithdrawn(id("R"), date("2019-04-03"), PersonalData.of("moved")),
                new SessionMissed(id("P"), date("2019-04-04"), null),
                Events.contact(id("P"), "2019-04-04"),
                Events.linkWorkerChanged(id("P"), "lw-1", "lw-2", "2019-04-05"),
                new SupportExtended(id("P"), 4, date("2019-04-06"), PersonalData.of("exams")),
                new SafeguardingConcernRaised(id("P"), id("C"), date("2019-04-06"), PersonalData.of("...")),
                new SafeguardingConcernClosed(id("P"), id("C"), date("2019-04-07"), PersonalData.of("...")),
                new ParticipantDischarged(id("P"), DischargeReason.COMPLETED, date("2019-06-01")),
                "not an event",
                BigDecimal.ONE);

        ignored.forEach(payload -> MetricsFold.apply(payload, 5, recorder));

        assertThat(calls).isEmpty();
    }

    /** A reader that skips events outside EVENTS_WITH_FACTS must lose nothing: every other event of the catalogue is ignored above. */
    @Test
    void theEventsWithFactsAreExactlyTheOnesTheFoldUses() {
        Set<Class<?>> catalogue = new HashSet<>();
        ArrayDeque<Class<?>> open = new ArrayDeque<>(List.of(SignpostEvent.class));
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isRecord()) {
                catalogue.add(type);
            } else {
                open.addAll(List.of(type.getPermittedSubclasses()));
            }
        }
        Set<Class<?>> ignoredTypes = Set.of(LinkWorkerAssigned.class,
                ReferralWithdrawn.class, SessionMissed.class, ContactMade.class,
                LinkWorkerChanged.class, SupportExtended.class, SafeguardingConcernRaised.class,
                SafeguardingConcernClosed.class,
                ParticipantDischarged.class, PersonalDataErased.class);
        Set<Class<?>> union = new HashSet<>(MetricsFold.EVENTS_WITH_FACTS);
        union.addAll(ignoredTypes);
        assertThat(union).isEqualTo(catalogue);
        assertThat(MetricsFold.EVENTS_WITH_FACTS).doesNotContainAnyElementsOf(ignoredTypes);
    }
}
