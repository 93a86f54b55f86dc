package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.metrics.Events.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;

/** Figures fit to publish: what a publication withholds of an evaluation and a referral-rate report, and how it says so. */
class PublicationTest {

    private static final String DAY = "2021-03-15";
    private static final LocalDate ONE_DAY = LocalDate.parse(DAY);
    private static final Instant AS_OF = Instant.parse("2021-04-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /**
     * The finding: for a one-day period the evaluation showed one child's age, source, channel,
     * reasons and triage. Published, the figures of that day are the same whoever the child is:
     * nothing in them tells one child from another.
     */
    @Property(tries = 300)
    void theOneDayPublicationOfOneReferralIsTheSameWhoeverTheChildIs(
            @ForAll ReferralSource source, @ForAll ReferralChannel channel, @ForAll ReferralReason reason,
            @ForAll("secondReasons") ReferralReason secondReason, @ForAll @IntRange(min = 9, max = 20) int age,
            @ForAll TriageOutcome outcome, @ForAll boolean seenThatDay) {
        JsonNode published = oneDay(source, channel, reason, secondReason, age, outcome, seenThatDay);
        JsonNode another = oneDay(ReferralSource.GP, ReferralChannel.EMAIL, ReferralReason.ANXIETY, null, 14,
                TriageOutcome.ACCEPTED, seenThatDay);

        assertThat(published).isEqualTo(another);
    }

    @Provide
    Arbitrary<ReferralReason> secondReasons() {
        return Arbitraries.of(ReferralReason.class).injectNull(0.5);
    }

    @Test
    void theOneDayPublicationShowsNoFigureAboutTheChild() {
        Evaluation exact = EvaluationMetrics.compute(oneReferral(ReferralSource.SCHOOL, ReferralChannel.EMAIL,
                ReferralReason.LONELINESS, null, 12, TriageOutcome.DECLINED, true).facts(), ONE_DAY, ONE_DAY, AS_OF);
        assertThat(exact.referralsReceived().bySource().get(ReferralSource.SCHOOL).count()).isEqualTo(1);
        assertThat(exact.ageAtReferral().min()).isEqualTo(12);

        ObjectNode published = Publication.of(exact, 5).json();

        List<String> shown = leaves(published.deepCopy().without(List.of("from", "to", "asOf", "publication")), "")
                .stream().filter(leaf -> !leaf.endsWith("=null") && !leaf.endsWith("=0") && !leaf.endsWith("=0.0"))
                .toList();
        assertThat(shown).as("every figure of the day but zeros where nobody could be").isEmpty();
        assertThat(published.path("publication").path("suppressBelow").asInt()).isEqualTo(5);
        assertThat(published.path("publication").path("suppressed")).contains(
                JSON.valueToTree(new Publication.Withheld("referralsReceived.total", "SMALL_COUNT")),
                JSON.valueToTree(new Publication.Withheld("referralsReceived.bySource.SCHOOL.count", "SMALL_COUNT")),
                JSON.valueToTree(new Publication.Withheld("referralsReceived.bySource.GP.count", "SMALL_COUNT")),
                JSON.valueToTree(new Publication.Withheld("referralsReceived.bySource.GP.share", "DERIVED_FROM_SMALL_COUNT")),
                JSON.valueToTree(new Publication.Withheld("ageAtReferral.min", "ONE_PERSON")));
    }

    @Test
    void theExactFiguresAreLeftAsTheyAre() {
        Evaluation exact = ExampleHistory.evaluation();
        String before = EvaluationCsv.render(exact);

        Publication.of(exact, 5);

        assertThat(exact).isEqualTo(ExampleHistory.evaluation());
        assertThat(EvaluationCsv.render(exact)).isEqualTo(before);
        assertThat(JSON.valueToTree(exact).has("publication")).isFalse();
        assertThat(JSON.valueToTree(exact).has("peopleBehind")).isFalse();
    }

    /** ExampleHistory's quarter: 6 referrals, 4 people seen (see EvaluationMetricsTest for the exact figures). */
    @Test
    void aSmallServicesQuarterPublishesItsTotalsAndWithholdsItsSmallGroups() {
        Publication published = Publication.of(ExampleHistory.evaluation(), 5);
        JsonNode figures = published.figures();

        assertThat(figures.path("referralsReceived").path("total").asInt()).isEqualTo(6);
        assertThat(figures.path("referralsReceived").path("bySource").path("GP").path("count").isNull()).isTrue();
        assertThat(published.reasonFor("referralsReceived.bySource.GP.count")).isEqualTo("SMALL_COUNT");
        assertThat(figures.path("referralsReceived").path("bySource").path("SOCIAL_SERVICES").path("count").asText()).isEqualTo("0");
        assertThat(figures.path("peopleSeen").isNull()).isTrue();
        assertThat(figures.path("referralRate").isNull()).isTrue();
        assertThat(published.reasonFor("referralRate")).isEqualTo("DERIVED_FROM_SMALL_COUNT");
        assertThat(figures.path("sessionsPerPerson").path("max").isNull()).isTrue();
        assertThat(published.reasonFor("sessionsPerPerson.max")).isEqualTo("ONE_PERSON");
        assertThat(figures.path("ageAtReferral").path("mean").asText()).isEqualTo("13.3");
        assertThat(figures.path("ageAtReferral").path("min").isNull()).isTrue();
        assertThat(published.reasonFor("referralsReceived.total")).isNull();
    }

    @Test
    void aPublicationAsCsvHasTheThresholdAndWhyOnEveryRowAndEmptyValuesWhereWithheld() {
        String csv = EvaluationCsv.render(Publication.of(ExampleHistory.evaluation(), 5));
        List<String> lines = Arrays.asList(csv.split("\r\n", -1));
        String period = ",2019-04-01,2019-06-30,2019-08-01T09:00:00Z,5,";

        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf,suppressBelow,suppressed");
        assertThat(lines).contains("referralsReceived.total,6" + period,
                "referralsReceived.bySource.GP.count," + period + "SMALL_COUNT",
                "referralsReceived.bySource.SOCIAL_SERVICES.count,0" + period,
                "sessionsPerPerson.max," + period + "ONE_PERSON");
        assertThat(lines).hasSize(EvaluationCsv.render(ExampleHistory.evaluation()).split("\r\n", -1).length);
        assertThat(lines).noneMatch(line -> line.startsWith("publication"));
    }

    @Test
    void theReferralRatesGroupsArePublishedAsTheEvaluationIs() {
        MetricFacts facts = ExampleHistory.history().facts();
        ReferralRateReport exact = ReferralRate.compute(facts, ExampleHistory.FROM, ExampleHistory.TO,
                EnumSet.allOf(GroupBy.class), AS_OF);

        Publication published = Publication.of(exact, 3);
        JsonNode figures = published.figures();

        assertThat(figures.path("peopleSeen").asInt()).isEqualTo(4);
        assertThat(figures.path("groups").path("source").path("GP").path("peopleSeen").isNull()
                || figures.path("groups").path("source").path("GP").path("peopleSeen").asInt() == 0
                || figures.path("groups").path("source").path("GP").path("peopleSeen").asInt() >= 3).isTrue();
        for (JsonNode group : List.of(figures.path("groups").path("source"), figures.path("groups").path("linkWorker"),
                figures.path("groups").path("month"))) {
            group.forEach(rate -> assertThat(rate.path("peopleSeen").isNull() || rate.path("peopleSeen").asInt() == 0
                    || rate.path("peopleSeen").asInt() >= 3).isTrue());
        }
        assertThat(figures.path("groups").path("linkWorker").size()).isEqualTo(exact.groups().get("linkWorker").size());
    }

    /**
     * Six people seen in the period, five of them in April: April's five and the period's six
     * would tell that one person was seen in May alone, so April's count is withheld with May's.
     */
    @Test
    void aMonthIsWithheldWhereThePeriodMinusItWouldGiveASmallCountAway() {
        History history = new History();
        for (int person = 1; person <= 6; person++) {
            String name = "M" + person;
            String seenOn = person <= 5 ? "2021-04-12" : "2021-05-12";
            history.record(
                    Events.received(id(name + "-R"), "2021-04-01", ReferralSource.GP, ReferralChannel.EMAIL, 14,
                            ReferralReason.ANXIETY),
                    Events.enrolled(id(name), id(name + "-R"), "lw-1", "2021-04-02", "2021-04-01", ReferralSource.GP),
                    Events.session(id(name), id(name + "-S"), seenOn, 40, 10, "lw-1"));
        }
        ReferralRateReport exact = ReferralRate.compute(history.facts(), LocalDate.parse("2021-04-01"),
                LocalDate.parse("2021-05-31"), EnumSet.of(GroupBy.MONTH), AS_OF);
        assertThat(exact.groups().get("month").get("2021-04").peopleSeen()).isEqualTo(5);

        Publication published = Publication.of(exact, 5);

        assertThat(published.figures().path("peopleSeen").asInt()).isEqualTo(6);
        assertThat(published.figures().path("groups").path("month").path("2021-05").path("peopleSeen").isNull()).isTrue();
        assertThat(published.figures().path("groups").path("month").path("2021-04").path("peopleSeen").isNull()).isTrue();
        assertThat(published.reasonFor("groups.month.2021-04.peopleSeen")).isEqualTo("SMALL_COUNT");
        assertThat(published.reasonFor("groups.month.2021-04.referralRate")).isEqualTo("DERIVED_FROM_SMALL_COUNT");
    }

    /** Which link workers saw someone says who saw the few people seen: with too few, the keys go too. */
    @Test
    void withTooFewPeopleSeenTheLinkWorkersGroupIsEmpty() {
        History history = new History().record(
                Events.received(id("R"), DAY, ReferralSource.GP, ReferralChannel.EMAIL, 14, ReferralReason.ANXIETY),
                Events.enrolled(id("P"), id("R"), "lw-7", DAY, DAY, ReferralSource.GP),
                Events.session(id("P"), id("S"), DAY, 40, 10, "lw-7"));
        ReferralRateReport exact = ReferralRate.compute(history.facts(), ONE_DAY, ONE_DAY,
                EnumSet.allOf(GroupBy.class), AS_OF);
        assertThat(exact.groups().get("linkWorker")).containsOnlyKeys("lw-7");

        Publication published = Publication.of(exact, 5);

        assertThat(published.figures().path("groups").path("linkWorker").isEmpty()).isTrue();
        assertThat(published.reasonFor("groups.linkWorker")).isEqualTo("SMALL_COUNT");
        assertThat(published.json().toString()).doesNotContain("lw-7");
        assertThat(published.figures().path("groups").path("source").path("GP").path("peopleSeen").isNull()).isTrue();
        assertThat(published.figures().path("groups").path("source").path("SELF").path("peopleSeen").isNull()).isTrue();
    }

    private static JsonNode oneDay(ReferralSource source, ReferralChannel channel, ReferralReason reason,
                                   ReferralReason secondReason, int age, TriageOutcome outcome, boolean seen) {
        Evaluation exact = EvaluationMetrics.compute(
                oneReferral(source, channel, reason, secondReason, age, outcome, seen).facts(), ONE_DAY, ONE_DAY, AS_OF);
        return Publication.of(exact, 5).json();
    }

    /** One referral received, triaged and (if accepted and seen) enrolled and seen on the day, with a measure. */
    private static History oneReferral(ReferralSource source, ReferralChannel channel, ReferralReason reason,
                                       ReferralReason secondReason, int age, TriageOutcome outcome, boolean seen) {
        ReferralReason[] reasons = secondReason == null || secondReason == reason
                ? new ReferralReason[] {reason} : new ReferralReason[] {reason, secondReason};
        History history = new History().record(Events.received(id("R"), DAY, source, channel, age, reasons));
        InclusionCriterion[] failed = age < 11 || age > 18
                ? new InclusionCriterion[] {InclusionCriterion.AGE_11_TO_18} : new InclusionCriterion[0];
        history.record(Events.triaged(id("R"), outcome, DAY, failed));
        if (seen) {
            history.record(Events.enrolled(id("P"), id("R"), "lw-1", DAY, DAY, source),
                    Events.session(id("P"), id("S"), DAY, 40, 35, "lw-1"),
                    Events.signposted(id("P"), id("G"), DAY),
                    Events.uptake(id("P"), id("G"), true, DAY),
                    Events.ucla3(id("P"), Timepoint.BASELINE, "2021-01-01", 8),
                    Events.ucla3(id("P"), Timepoint.EXIT, DAY, 4));
        }
        return history;
    }

    private static List<String> leaves(JsonNode node, String path) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                leaves.addAll(leaves(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
            }
        } else {
            leaves.add(path + "=" + node.asText());
        }
        return leaves;
    }
}
