package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.metrics.Events.id;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.SignpostEvent;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;
import org.signpost.query.metrics.Evaluation.CountAndShare;
import org.signpost.query.metrics.Evaluation.InappropriateReferrals;

/**
 * Properties of the metrics over random valid histories of a few young people: replays agree,
 * figures stay within their bounds, and a period's figures do not move when later events arrive.
 */
class MetricsPropertiesTest {

    private static final int TRIES = 200;
    private static final LocalDate DAY_ZERO = LocalDate.parse("2019-01-01");
    private static final Instant AS_OF = Instant.parse("2021-01-01T00:00:00Z");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    // ---------------------------------------------------------------- what a random history is made of

    /** Something that happens to an enrolled participant, {@code day} days after enrolment. */
    sealed interface Step permits Session, Signpost, Measure, Contact {
        int day();
    }

    record Session(int day, int minutes, Integer walk, String linkWorker) implements Step {
    }

    record Signpost(int day, List<Uptake> uptakes) implements Step {
    }

    record Uptake(boolean attended, int daysLater) {
    }

    /** Several readings of one instrument, {@code daysLater} than {@code day}, in any order of time points. */
    record Measure(int day, Instrument instrument, List<Reading> readings) implements Step {
    }

    record Reading(int daysLater, Timepoint timepoint, List<Integer> items, BigDecimal swemwbs) {
    }

    record Contact(int day) implements Step {
    }

    record Referral(int receivedDay, ReferralSource source, ReferralChannel channel, List<ReferralReason> reasons,
                    int age) {
    }

    /** {@code outcome} null: not triaged yet. Only an accepted referral enrols and has steps. */
    record Person(Referral referral, TriageOutcome outcome, int triageDelay, String linkWorker, List<Step> steps) {
    }

    record Scenario(List<Person> people, int fromDay, int days) {
        LocalDate from() {
            return DAY_ZERO.plusDays(fromDay);
        }

        LocalDate to() {
            return from().plusDays(days);
        }
    }

    /** Events that may arrive after the period: new people, and more of the same people's support. */
    record Later(List<Person> newPeople, List<Step> moreSteps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // Without edge cases of the lists, which would make most tries a history of one person or none.
        Arbitrary<List<Person>> people = people().list().ofMinSize(1).ofMaxSize(8)
                .withSizeDistribution(RandomDistribution.uniform()).withoutEdgeCases();
        return Combinators.combine(people,
                        Arbitraries.integers().between(10, 160).withDistribution(RandomDistribution.uniform()),
                        Arbitraries.integers().between(0, 150).withDistribution(RandomDistribution.uniform()))
                .as(Scenario::new);
    }

    @Provide
    Arbitrary<Later> later() {
        return Combinators.combine(people().list().ofMaxSize(3), steps().list().ofMaxSize(8)).as(Later::new);
    }

    /** Dense on purpose: a few months, so that most periods see several people and their measures. */
    private static Arbitrary<Person> people() {
        Arbitrary<Referral> referrals = Combinators.combine(
                Arbitraries.integers().between(0, 150).withDistribution(RandomDistribution.uniform()),
                Arbitraries.of(ReferralSource.class),
                Arbitraries.of(ReferralChannel.class),
                Arbitraries.of(ReferralReason.class).set().ofMinSize(1).ofMaxSize(3)
                        .map(reasons -> reasons.stream().sorted().toList()),
                Arbitraries.integers().between(9, 20)).as(Referral::new);
        return Combinators.combine(referrals,
                Arbitraries.frequency(Tuple.of(6, TriageOutcome.ACCEPTED), Tuple.of(1, TriageOutcome.REDIRECTED),
                        Tuple.of(2, TriageOutcome.DECLINED)).injectNull(0.1),
                Arbitraries.integers().between(0, 20),
                linkWorkers(),
                steps().list().ofMaxSize(16).withSizeDistribution(RandomDistribution.uniform()).withoutEdgeCases())
                .as(Person::new);
    }

    private static Arbitrary<Step> steps() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 100).withDistribution(RandomDistribution.uniform());
        Arbitrary<Step> session = Combinators.combine(day, Arbitraries.integers().between(1, 240),
                Arbitraries.integers().between(0, 60).injectNull(0.3), linkWorkers()).as(Session::new);
        Arbitrary<Step> signpost = Combinators.combine(day,
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 60))
                        .as(Uptake::new).list().ofMaxSize(2)).as(Signpost::new);
        Arbitrary<Reading> reading = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.frequency(Tuple.of(2, Timepoint.BASELINE), Tuple.of(2, Timepoint.REVIEW),
                        Tuple.of(1, Timepoint.EXIT)),
                Arbitraries.integers().between(1, 3).list().ofSize(7),
                Arbitraries.bigDecimals().between(new BigDecimal("7.00"), new BigDecimal("35.00")).ofScale(2))
                .as(Reading::new);
        Arbitrary<Step> measure = Combinators.combine(day, Arbitraries.of(Instrument.class),
                reading.list().ofMinSize(1).ofMaxSize(5)).as(Measure::new);
        Arbitrary<Step> contact = day.map(Contact::new);
        return Arbitraries.frequencyOf(Tuple.of(5, session), Tuple.of(2, signpost), Tuple.of(4, measure),
                Tuple.of(1, contact));
    }

    private static Arbitrary<String> linkWorkers() {
        return Arbitraries.of("lw-1", "lw-2", "lw-3");
    }

    // ---------------------------------------------------------------- the properties

    @Property(tries = TRIES)
    void replaysAgreeAndAnEventSeenTwiceCountsOnce(@ForAll("scenarios") Scenario scenario) {
        History history = historyOf(scenario);

        Evaluation once = evaluate(history.facts(), scenario);
        assertThat(evaluate(history.facts(), scenario)).isEqualTo(once);
        assertThat(evaluate(history.foldInto(history.facts()), scenario)).isEqualTo(once);
        MetricFacts eachTwice = new MetricFacts();
        for (History.Recorded recorded : history.events()) {
            MetricsFold.apply(recorded.payload(), recorded.sequence(), eachTwice);
            MetricsFold.apply(recorded.payload(), recorded.sequence(), eachTwice);
        }
        assertThat(evaluate(eachTwice, scenario)).isEqualTo(once);
        assertThat(referralRate(history.foldInto(history.facts()), scenario))
                .isEqualTo(referralRate(history.facts(), scenario));
    }

    /**
     * "As of" reads a large store in parts of consecutive positions, each folded on its own, and
     * adds each part's facts after the earlier ones': the same figures as one fold of every event.
     */
    @Property(tries = TRIES)
    void factsFoldedInPartsAndAddedInOrderAreTheFactsOfOneFold(@ForAll("scenarios") Scenario scenario,
                                                               @ForAll List<@IntRange(max = 1000) Integer> cuts) {
        History history = historyOf(scenario);
        List<History.Recorded> events = history.events();
        List<Integer> bounds = new ArrayList<>(cuts.stream().map(cut -> cut % (events.size() + 1)).sorted().toList());
        bounds.add(0, 0);
        bounds.add(events.size());
        MetricFacts whole = new MetricFacts();
        for (int part = 0; part + 1 < bounds.size(); part++) {
            MetricFacts facts = new MetricFacts();
            for (History.Recorded recorded : events.subList(bounds.get(part), bounds.get(part + 1))) {
                MetricsFold.apply(recorded.payload(), recorded.sequence(), facts);
            }
            whole.add(facts);
        }

        assertThat(evaluate(whole, scenario)).isEqualTo(evaluate(history.facts(), scenario));
        assertThat(referralRate(whole, scenario)).isEqualTo(referralRate(history.facts(), scenario));
    }

    /**
     * "As of" from the live facts: written with the instant each event was recorded (instants in
     * any order, as concurrent transactions stamp them, and several events at one instant), held
     * facts grown by additions as {@link LiveFacts} grows them, those recorded up to an instant
     * are the facts of a fold of the events recorded up to it, whatever the instant; a fact
     * without its instant leaves nothing to answer.
     */
    @Property(tries = TRIES)
    void factsRecordedUpToAnInstantAreTheFoldOfTheEventsRecordedUpToIt(
            @ForAll("scenarios") Scenario scenario, @ForAll List<@IntRange(max = 40) Integer> offsets,
            @ForAll @IntRange(min = -1, max = 41) int upTo, @ForAll @IntRange(max = 1000) int cut) {
        List<History.Recorded> events = historyOf(scenario).events();
        Instant base = Instant.parse("2025-06-01T10:00:00Z");
        List<Instant> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            recorded.add(base.plusMillis(offsets.isEmpty() ? i : offsets.get(i % offsets.size())));
        }
        Instant asOf = base.plusMillis(upTo);
        int split = cut % (events.size() + 1);
        MetricFacts held = new MetricFacts();
        MetricFacts later = new MetricFacts();
        MetricFacts expected = new MetricFacts();
        for (int i = 0; i < events.size(); i++) {
            History.Recorded event = events.get(i);
            MetricsFold.apply(event.payload(), event.sequence(), (i < split ? held : later).recordedAt(recorded.get(i)));
            if (!recorded.get(i).isAfter(asOf)) {
                MetricsFold.apply(event.payload(), event.sequence(), expected);
            }
        }
        held.add(later);

        MetricFacts upToInstant = held.recordedUpTo(asOf).orElseThrow();
        assertThat(upToInstant.referrals()).containsExactlyElementsOf(expected.referrals());
        assertThat(upToInstant.triages()).containsExactlyElementsOf(expected.triages());
        assertThat(upToInstant.participants()).containsExactlyElementsOf(expected.participants());
        assertThat(upToInstant.sessions()).containsExactlyElementsOf(expected.sessions());
        assertThat(upToInstant.signposts()).containsExactlyElementsOf(expected.signposts());
        assertThat(upToInstant.uptakes()).containsExactlyElementsOf(expected.uptakes());
        assertThat(upToInstant.measures()).containsExactlyElementsOf(expected.measures());
        assertThat(evaluate(upToInstant, scenario)).isEqualTo(evaluate(expected, scenario));

        if (!events.isEmpty()) {
            History.Recorded first = events.get(0);
            MetricFacts unstamped = new MetricFacts();
            MetricsFold.apply(first.payload(), first.sequence(), unstamped);
            assertThat(unstamped.recordedUpTo(asOf)).as("a fact without its instant").isEmpty();
        }
    }

    @Property(tries = TRIES)
    void figuresStayWithinTheirBounds(@ForAll("scenarios") Scenario scenario) {
        Evaluation e = evaluate(historyOf(scenario).facts(), scenario);

        List<BigDecimal> rates = new ArrayList<>(List.of(e.referralRate(), e.vcseUptake().rate(),
                e.continuity().rate(), e.walkingDistance().rate()));
        rates.addAll(shares(e.referralsReceived().bySource().values()));
        rates.addAll(shares(e.referralsReceived().byChannel().values()));
        rates.addAll(shares(e.reasonsForReferral().byReason().values()));
        e.triageOutcomes().inappropriateBySource().values().forEach(i -> rates.add(i.rate()));
        assertThat(rates).allSatisfy(rate -> assertThat(rate).isBetween(BigDecimal.ZERO, ONE));
        assertThat(e.referralRatePercent()).isBetween(BigDecimal.ZERO, HUNDRED);

        assertThat(e.referredToVcse()).isBetween(0, e.peopleSeen());
        assertThat(e.vcseUptake().attended()).isBetween(0, e.vcseUptake().signposted());
        assertThat(e.walkingDistance().over30()).isBetween(0, e.walkingDistance().sessions());
        assertThat(sum(e.sessionsPerPerson().distribution().values())).isEqualTo(e.peopleSeen());
        assertThat(sum(e.triageOutcomes().byOutcome().values())).isEqualTo(e.triageOutcomes().total());
        assertThat(e.referralsReceived().bySource().values().stream().mapToInt(CountAndShare::count).sum())
                .isEqualTo(e.referralsReceived().total());
        assertThat(e.triageOutcomes().inappropriateBySource().values().stream()
                .mapToInt(InappropriateReferrals::triaged).sum()).isEqualTo(e.triageOutcomes().total());
        assertThat(e.triageOutcomes().inappropriateBySource().values())
                .allSatisfy(i -> assertThat(i.declined()).isBetween(0, i.triaged()));
        if (e.peopleSeen() > 0) {
            assertThat(e.sessionsPerPerson().mean()).isBetween(ONE, BigDecimal.valueOf(e.sessionsPerPerson().max()));
        }
        if (e.ageAtReferral().min() != null) {
            assertThat(e.ageAtReferral().mean()).isBetween(BigDecimal.valueOf(e.ageAtReferral().min()),
                    BigDecimal.valueOf(e.ageAtReferral().max()));
        }
    }

    @Property(tries = TRIES)
    void theReferralRateAndItsGroupsAgreeWithTheEvaluation(@ForAll("scenarios") Scenario scenario) {
        MetricFacts facts = historyOf(scenario).facts();
        Evaluation e = evaluate(facts, scenario);
        ReferralRateReport report = referralRate(facts, scenario);

        assertThat(List.of(report.peopleSeen(), report.referredToVcse()))
                .containsExactly(e.peopleSeen(), e.referredToVcse());
        assertThat(List.of(report.referralRate(), report.referralRatePercent()))
                .containsExactly(e.referralRate(), e.referralRatePercent());
        for (String partition : List.of("source", "linkWorker")) {
            Map<String, ReferralRateFigures> groups = report.groups().get(partition);
            assertThat(groups.values().stream().mapToInt(ReferralRateFigures::peopleSeen).sum())
                    .isEqualTo(e.peopleSeen());
            assertThat(groups.values().stream().mapToInt(ReferralRateFigures::referredToVcse).sum())
                    .isEqualTo(e.referredToVcse());
        }
        // Each month is the evaluation of that month's days in the period.
        report.groups().get("month").forEach((month, figures) -> {
            YearMonth calendarMonth = YearMonth.parse(month);
            LocalDate first = calendarMonth.atDay(1).isBefore(scenario.from()) ? scenario.from() : calendarMonth.atDay(1);
            LocalDate last = calendarMonth.atEndOfMonth().isAfter(scenario.to()) ? scenario.to() : calendarMonth.atEndOfMonth();
            Evaluation ofTheMonth = EvaluationMetrics.compute(facts, first, last, AS_OF);
            assertThat(figures).as(month).isEqualTo(new ReferralRateFigures(ofTheMonth.peopleSeen(),
                    ofTheMonth.referredToVcse(), ofTheMonth.referralRate(), ofTheMonth.referralRatePercent()));
        });
    }

    /**
     * "As of": the figures of a period, computed from the events known then, do not move when
     * events dated after the period are recorded later: new referrals, their triage and support,
     * and more sessions, signposts, measures and uptakes (of those later signposts) for the people
     * already there. (An attended uptake of a signpost in the period may move vcseUptake by design,
     * so none is appended here.)
     */
    @Property(tries = TRIES)
    void eventsDatedAfterThePeriodDoNotChangeIt(@ForAll("scenarios") Scenario scenario, @ForAll("later") Later later) {
        History known = historyOf(scenario);
        History grown = known.copy();
        int afterTo = scenario.fromDay() + scenario.days() + 1;
        Builder appended = new Builder();
        for (int i = 0; i < scenario.people().size(); i++) {
            Person person = scenario.people().get(i);
            if (person.outcome() == null) {
                appended.triage("P" + i, person, afterTo + person.triageDelay());
            }
        }
        List<String> enrolled = enrolledNames(scenario);
        for (int k = 0; k < later.moreSteps().size() && !enrolled.isEmpty(); k++) {
            appended.steps(enrolled.get(k % enrolled.size()), "late" + k, afterTo,
                    List.of(later.moreSteps().get(k)));
        }
        for (int i = 0; i < later.newPeople().size(); i++) {
            Person person = later.newPeople().get(i);
            Referral r = person.referral();
            Referral shifted = new Referral(afterTo + r.receivedDay() % 30, r.source(), r.channel(), r.reasons(),
                    r.age());
            appended.person("N" + i, new Person(shifted, person.outcome(), person.triageDelay(), person.linkWorker(),
                    person.steps()));
        }
        appended.recordInto(grown);

        assertThat(evaluate(grown.facts(), scenario)).isEqualTo(evaluate(known.facts(), scenario));
        assertThat(referralRate(grown.facts(), scenario)).isEqualTo(referralRate(known.facts(), scenario));
    }

    /**
     * Session and signpost ids are the clients', unique within a participant only: a history in
     * which every young person's sessions and signposts have the same ids as everyone else's
     * (their first session "s0", ...) gives the same figures as one with ids of their own.
     */
    @Property(tries = TRIES)
    void idsSharedAcrossParticipantsChangeNoFigure(@ForAll("scenarios") Scenario scenario) {
        History ownIds = historyOf(scenario, false);
        History sharedIds = historyOf(scenario, true);

        assertThat(evaluate(sharedIds.facts(), scenario)).isEqualTo(evaluate(ownIds.facts(), scenario));
        assertThat(referralRate(sharedIds.facts(), scenario)).isEqualTo(referralRate(ownIds.facts(), scenario));
    }

    /**
     * A publication of any history: no count of fewer people than the threshold is shown (0 is),
     * no minimum or maximum, no share of a withheld count; and no withheld count of too few
     * people is alone unknown in a sum whose other members are shown (subtraction would give it).
     */
    @Property(tries = TRIES)
    void aPublicationShowsNoSmallCountAndNoneCanBeWorkedOutBySubtraction(
            @ForAll("scenarios") Scenario scenario, @ForAll @IntRange(min = 2, max = 8) int threshold) {
        MetricFacts facts = historyOf(scenario).facts();
        Evaluation exact = evaluate(facts, scenario);
        JsonNode exactJson = EvaluationCsv.JSON.valueToTree(exact);
        JsonNode published = Publication.of(exact, threshold).figures();

        List<String> peopleCounts = new ArrayList<>(List.of("referralsReceived.total", "triageOutcomes.total",
                "peopleSeen", "referredToVcse", "vcseUptake.signposted", "vcseUptake.attended"));
        for (String breakdown : List.of("referralsReceived.bySource", "referralsReceived.byChannel",
                "reasonsForReferral.byReason")) {
            names(at(exactJson, breakdown)).forEach(key -> peopleCounts.add(breakdown + "." + key + ".count"));
        }
        names(at(exactJson, "triageOutcomes.byOutcome")).forEach(key -> peopleCounts.add("triageOutcomes.byOutcome." + key));
        names(at(exactJson, "triageOutcomes.inappropriateBySource")).forEach(key -> {
            peopleCounts.add("triageOutcomes.inappropriateBySource." + key + ".declined");
            peopleCounts.add("triageOutcomes.inappropriateBySource." + key + ".triaged");
        });
        names(at(exactJson, "sessionsPerPerson.distribution")).forEach(key ->
                peopleCounts.add("sessionsPerPerson.distribution." + key));
        for (String instrument : List.of("outcomeChange.SWEMWBS", "outcomeChange.UCLA3", "outcomeChange.ONS4.happy")) {
            peopleCounts.add(instrument + ".participants");
        }
        for (String count : peopleCounts) {
            JsonNode shown = at(published, count);
            assertThat(shown.isNull() || shown.asInt() == 0 || shown.asInt() >= threshold).as(count + " = " + shown)
                    .isTrue();
        }
        for (String single : List.of("ageAtReferral.min", "ageAtReferral.max", "sessionsPerPerson.max")) {
            assertThat(at(published, single).isNull()).as(single).isTrue();
        }
        for (String breakdown : List.of("referralsReceived.bySource", "referralsReceived.byChannel",
                "reasonsForReferral.byReason")) {
            String total = breakdown.startsWith("reasons") ? "reasonsForReferral.total" : "referralsReceived.total";
            List<String> parts = names(at(exactJson, breakdown)).stream().map(key -> breakdown + "." + key + ".count")
                    .toList();
            assertNoneAloneUnknown(exactJson, published, total, parts, threshold);
            for (String key : names(at(exactJson, breakdown))) {
                if (!at(published, breakdown + "." + key + ".share").isNull()) {
                    assertThat(at(published, breakdown + "." + key + ".count").isNull()).isFalse();
                    assertThat(at(published, total).isNull()).isFalse();
                }
            }
        }
        assertNoneAloneUnknown(exactJson, published, "triageOutcomes.total",
                names(at(exactJson, "triageOutcomes.byOutcome")).stream().map(k -> "triageOutcomes.byOutcome." + k)
                        .toList(), threshold);
        assertNoneAloneUnknown(exactJson, published, "triageOutcomes.total",
                names(at(exactJson, "triageOutcomes.inappropriateBySource")).stream()
                        .map(k -> "triageOutcomes.inappropriateBySource." + k + ".triaged").toList(), threshold);
        assertNoneAloneUnknown(exactJson, published, "peopleSeen",
                names(at(exactJson, "sessionsPerPerson.distribution")).stream()
                        .map(k -> "sessionsPerPerson.distribution." + k).toList(), threshold);
    }

    /** In total = sum of parts, a member withheld while all others are shown must not be a small count. */
    private static void assertNoneAloneUnknown(JsonNode exact, JsonNode published, String total, List<String> parts,
                                               int threshold) {
        List<String> members = new ArrayList<>(parts);
        members.add(total);
        List<String> unknown = members.stream().filter(member -> at(published, member).isNull()).toList();
        if (unknown.size() == 1) {
            int value = at(exact, unknown.get(0)).asInt();
            assertThat(value == 0 || value >= threshold).as("%s (%d) alone withheld in the sum of %s", unknown.get(0),
                    value, total).isTrue();
        }
    }

    private static JsonNode at(JsonNode tree, String dotted) {
        JsonNode node = tree;
        for (String segment : dotted.split("\\.")) {
            node = node.path(segment);
        }
        return node;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---------------------------------------------------------------- from a scenario to events

    private static Evaluation evaluate(MetricFacts facts, Scenario scenario) {
        return EvaluationMetrics.compute(facts, scenario.from(), scenario.to(), AS_OF);
    }

    private static ReferralRateReport referralRate(MetricFacts facts, Scenario scenario) {
        return ReferralRate.compute(facts, scenario.from(), scenario.to(), EnumSet.allOf(GroupBy.class), AS_OF);
    }

    private static History historyOf(Scenario scenario) {
        return historyOf(scenario, false);
    }

    /** @param sharedStepIds every person's k-th session or signpost has the same id as everyone else's */
    private static History historyOf(Scenario scenario, boolean sharedStepIds) {
        Builder builder = new Builder(sharedStepIds);
        for (int i = 0; i < scenario.people().size(); i++) {
            builder.person("P" + i, scenario.people().get(i));
        }
        return builder.recordInto(new History());
    }

    private static List<String> enrolledNames(Scenario scenario) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < scenario.people().size(); i++) {
            if (scenario.people().get(i).outcome() == TriageOutcome.ACCEPTED) {
                names.add("P" + i);
            }
        }
        return names;
    }

    /**
     * Collects events with their business dates, then records them in date order (ties in the
     * order collected), as staff would mostly record them; one person's events stay in order.
     */
    private static final class Builder {

        private record Dated(LocalDate on, SignpostEvent event) {
        }

        private final List<Dated> events = new ArrayList<>();
        private final boolean sharedStepIds;

        Builder() {
            this(false);
        }

        Builder(boolean sharedStepIds) {
            this.sharedStepIds = sharedStepIds;
        }

        void person(String name, Person person) {
            Referral r = person.referral();
            UUID referralId = id(name + "-referral");
            add(r.receivedDay(), Events.received(referralId, day(r.receivedDay()), r.source(), r.channel(), r.age(),
                    r.reasons().toArray(ReferralReason[]::new)));
            if (person.outcome() != null) {
                triage(name, person, r.receivedDay() + person.triageDelay());
            }
        }

        /** Triage on {@code triageDay}; an accepted referral enrols that day and then gets its steps. */
        void triage(String name, Person person, int triageDay) {
            Referral r = person.referral();
            UUID referralId = id(name + "-referral");
            TriageOutcome outcome = person.outcome() == null ? TriageOutcome.ACCEPTED : person.outcome();
            add(triageDay, Events.triaged(referralId, outcome, day(triageDay),
                    failedCriteria(r.age()).toArray(InclusionCriterion[]::new)));
            if (outcome == TriageOutcome.ACCEPTED) {
                add(triageDay, Events.assigned(referralId, id(name), person.linkWorker(), day(triageDay)));
                add(triageDay, Events.enrolled(id(name), referralId, person.linkWorker(), day(triageDay),
                        day(r.receivedDay()), r.source()));
                steps(name, "s", triageDay, person.steps());
            }
        }

        void steps(String name, String prefix, int startDay, List<Step> steps) {
            UUID participantId = id(name);
            List<Step> inOrder = steps.stream().sorted(Comparator.comparingInt(Step::day)).toList();
            for (int k = 0; k < inOrder.size(); k++) {
                Step step = inOrder.get(k);
                int on = startDay + step.day();
                String stepId = sharedStepIds ? prefix + k : name + "-" + prefix + k;
                if (step instanceof Session s) {
                    add(on, Events.session(participantId, id(stepId), day(on), s.minutes(), s.walk(), s.linkWorker()));
                } else if (step instanceof Signpost s) {
                    add(on, Events.signposted(participantId, id(stepId), day(on)));
                    for (Uptake uptake : s.uptakes()) {
                        int recordedOn = on + uptake.daysLater();
                        add(recordedOn, Events.uptake(participantId, id(stepId), uptake.attended(), day(recordedOn)));
                    }
                } else if (step instanceof Measure m) {
                    for (Reading reading : m.readings()) {
                        int recordedOn = on + reading.daysLater();
                        add(recordedOn, measure(participantId, m.instrument(), reading, recordedOn));
                    }
                } else {
                    add(on, Events.contact(participantId, day(on)));
                }
            }
        }

        History recordInto(History history) {
            events.stream().sorted(Comparator.comparing(Dated::on)).forEach(dated -> history.record(dated.event()));
            return history;
        }

        private void add(int day, SignpostEvent event) {
            events.add(new Dated(DAY_ZERO.plusDays(day), event));
        }

        private static OutcomeMeasured measure(UUID participantId, Instrument instrument, Reading reading, int on) {
            List<Integer> items = reading.items().subList(0, instrument.items());
            BigDecimal score = switch (instrument) {
                case SWEMWBS -> reading.swemwbs();
                case UCLA3 -> BigDecimal.valueOf(items.stream().mapToInt(Integer::intValue).sum());
                case ONS4 -> null;
            };
            return new OutcomeMeasured(participantId, instrument, reading.timepoint(), DAY_ZERO.plusDays(on), items,
                    score);
        }

        private static List<InclusionCriterion> failedCriteria(int age) {
            return age < 11 || age > 18 ? List.of(InclusionCriterion.AGE_11_TO_18) : List.of();
        }

        private static String day(int day) {
            return DAY_ZERO.plusDays(day).toString();
        }
    }

    private static List<BigDecimal> shares(Collection<CountAndShare> counts) {
        return counts.stream().map(CountAndShare::share).toList();
    }

    private static int sum(Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }
}
