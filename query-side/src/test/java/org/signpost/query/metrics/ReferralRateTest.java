package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.signpost.query.metrics.Events.enrolled;
import static org.signpost.query.metrics.Events.id;
import static org.signpost.query.metrics.Events.received;
import static org.signpost.query.metrics.Events.session;
import static org.signpost.query.metrics.Events.signposted;
import static org.signpost.query.metrics.ExampleHistory.AS_OF;
import static org.signpost.query.metrics.ExampleHistory.FROM;
import static org.signpost.query.metrics.ExampleHistory.TO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;

class ReferralRateTest {

    private final MetricFacts example = ExampleHistory.history().facts();

    private static ReferralRateFigures figures(int seen, int referred, String rate, String percent) {
        return new ReferralRateFigures(seen, referred, new BigDecimal(rate), new BigDecimal(percent));
    }

    @Test
    void withoutGroupingItIsTheEvaluationsFigureAndNothingElse() {
        // As in EvaluationMetricsTest: P1, P2, P3, P10 seen; P1, P2, P10 signposted in the period.
        ReferralRateReport report = ReferralRate.compute(example, FROM, TO, Set.of(), AS_OF);

        assertThat(report).isEqualTo(new ReferralRateReport(FROM, TO, AS_OF, 4, 3, new BigDecimal("0.75"),
                new BigDecimal("75.0"), null));
        Evaluation evaluation = EvaluationMetrics.compute(example, FROM, TO, AS_OF);
        assertThat(new ReferralRateFigures(evaluation.peopleSeen(), evaluation.referredToVcse(),
                evaluation.referralRate(), evaluation.referralRatePercent()))
                .isEqualTo(new ReferralRateFigures(report.peopleSeen(), report.referredToVcse(),
                        report.referralRate(), report.referralRatePercent()));
    }

    @Test
    void bySourceOfEachPersonsReferralWithEverySource() {
        // GP: P1, P3, P10 seen; P1, P10 referred: 2/3 = 0.6667, 66.7 %. SCHOOL: P2, referred: 1/1.
        // FAMILY_OR_FRIEND: P4 was signposted but not seen: 0/0. Every other source: 0/0.
        ReferralRateReport report = ReferralRate.compute(example, FROM, TO, EnumSet.of(GroupBy.SOURCE), AS_OF);

        Map<String, ReferralRateFigures> bySource = report.groups().get("source");
        assertThat(report.groups()).containsOnlyKeys("source");
        assertThat(bySource.keySet()).containsExactly(
                Arrays.stream(ReferralSource.values()).map(Enum::name).toArray(String[]::new));
        assertThat(bySource.get("GP")).isEqualTo(figures(3, 2, "0.6667", "66.7"));
        assertThat(bySource.get("SCHOOL")).isEqualTo(figures(1, 1, "1.0", "100.0"));
        assertThat(bySource.get("FAMILY_OR_FRIEND")).isEqualTo(figures(0, 0, "0.0", "0.0"));
        assertThat(bySource.get("CAMHS")).isEqualTo(figures(0, 0, "0.0", "0.0"));
    }

    @Test
    void byLinkWorkerOfTheLatestSessionInThePeriod() {
        // P1: S1b lw-1 then S1c lw-2 -> lw-2. P2 -> lw-1. P3: S3a lw-2 (S3b lw-3 is after the period) -> lw-2.
        // P10 -> lw-2. lw-1: P2 referred, 1/1. lw-2: P1, P3, P10; P1, P10 referred: 2/3. lw-3 saw nobody.
        ReferralRateReport report = ReferralRate.compute(example, FROM, TO,
                EnumSet.of(GroupBy.LINK_WORKER, GroupBy.SOURCE), AS_OF);

        assertThat(report.groups().keySet()).containsExactly("source", "linkWorker");
        assertThat(report.groups().get("linkWorker")).containsExactly(
                Map.entry("lw-1", figures(1, 1, "1.0", "100.0")),
                Map.entry("lw-2", figures(3, 2, "0.6667", "66.7")));
    }

    @Test
    void byMonthEachCalendarMonthCountedAsAPeriodOfItsOwnDays() {
        ReferralRateReport report = ReferralRate.compute(example, FROM, TO, EnumSet.of(GroupBy.MONTH), AS_OF);

        Map<String, ReferralRateFigures> byMonth = report.groups().get("month");
        assertThat(byMonth.keySet()).containsExactly("2019-04", "2019-05", "2019-06");
        byMonth.forEach((month, figures) -> {
            YearMonth calendarMonth = YearMonth.parse(month);
            assertThat(figures).as(month).isEqualTo(alone(calendarMonth.atDay(1), calendarMonth.atEndOfMonth()));
        });
        // A person seen in two months counts in both: the months add up to the period's people or more.
        assertThat(byMonth.values().stream().mapToInt(ReferralRateFigures::peopleSeen).sum())
                .isGreaterThanOrEqualTo(report.peopleSeen());
    }

    @Test
    void theFirstAndLastMonthsAreClippedToThePeriod() {
        LocalDate from = LocalDate.parse("2019-04-15");
        LocalDate to = LocalDate.parse("2019-06-10");

        ReferralRateReport report = ReferralRate.compute(example, from, to, EnumSet.of(GroupBy.MONTH), AS_OF);

        assertThat(report.groups().get("month")).containsExactly(
                Map.entry("2019-04", alone(from, LocalDate.parse("2019-04-30"))),
                Map.entry("2019-05", alone(LocalDate.parse("2019-05-01"), LocalDate.parse("2019-05-31"))),
                Map.entry("2019-06", alone(LocalDate.parse("2019-06-01"), to)));
        ReferralRateReport oneDay = ReferralRate.compute(example, to, to, EnumSet.of(GroupBy.MONTH), AS_OF);
        assertThat(oneDay.groups().get("month")).containsExactly(Map.entry("2019-06", alone(to, to)));
    }

    /** The figures of a period as the report without grouping gives them. */
    private ReferralRateFigures alone(LocalDate from, LocalDate to) {
        ReferralRateReport report = ReferralRate.compute(example, from, to, Set.of(), AS_OF);
        return new ReferralRateFigures(report.peopleSeen(), report.referredToVcse(), report.referralRate(),
                report.referralRatePercent());
    }

    @Test
    void theLatestSessionIsByDateThenByTheOrderRecorded() {
        LocalDate from = LocalDate.parse("2019-05-01");
        LocalDate to = LocalDate.parse("2019-05-31");
        History history = new History();
        // Q1: the later-dated session was recorded first: lw-b (05-10) wins over lw-a (05-01).
        person(history, "Q1");
        history.record(session(id("Q1"), id("Q1-s1"), "2019-05-10", 40, null, "lw-b"),
                session(id("Q1"), id("Q1-s2"), "2019-05-01", 40, null, "lw-a"),
                signposted(id("Q1"), id("Q1-g"), "2019-05-02"));
        // Q2: two sessions on one day: the one recorded last (lw-b) wins.
        person(history, "Q2");
        history.record(session(id("Q2"), id("Q2-s1"), "2019-05-10", 40, null, "lw-a"),
                session(id("Q2"), id("Q2-s2"), "2019-05-10", 40, null, "lw-b"));
        // Q3: the same day the other way round: lw-a wins. A session after the period (lw-c) does not count.
        person(history, "Q3");
        history.record(session(id("Q3"), id("Q3-s1"), "2019-05-31", 40, null, "lw-b"),
                session(id("Q3"), id("Q3-s2"), "2019-05-31", 40, null, "lw-a"),
                session(id("Q3"), id("Q3-s3"), "2019-06-01", 40, null, "lw-c"),
                signposted(id("Q3"), id("Q3-g"), "2019-05-31"));

        ReferralRateReport report = ReferralRate.compute(history.facts(), from, to, EnumSet.of(GroupBy.LINK_WORKER),
                AS_OF);

        // lw-a: Q3 (referred) 1/1; lw-b: Q1 (referred), Q2 (not): 1/2.
        assertThat(report.groups().get("linkWorker")).containsExactly(
                Map.entry("lw-a", figures(1, 1, "1.0", "100.0")),
                Map.entry("lw-b", figures(2, 1, "0.5", "50.0")));
        assertThat(report.peopleSeen()).isEqualTo(3);
        assertThat(report.referredToVcse()).isEqualTo(2);
        assertThat(report.referralRate()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(report.referralRatePercent()).isEqualTo(new BigDecimal("66.7"));
    }

    @Test
    void thePercentageIsRoundedFromTheExactFractionNotFromTheRoundedRate() {
        // 30/38 = 0.789473..: rate 0.7895, and 78.9 % (API.md's example), not 79.0 % from 0.7895.
        assertThat(Decimals.rate(30, 38)).isEqualTo(new BigDecimal("0.7895"));
        assertThat(Decimals.percent(30, 38)).isEqualTo(new BigDecimal("78.9"));
    }

    @Test
    void groupByNamesAreThoseOfTheApi() {
        assertThat(GroupBy.parse("source,linkWorker")).containsExactly(GroupBy.SOURCE, GroupBy.LINK_WORKER);
        assertThat(GroupBy.parse(" linkWorker ")).containsExactly(GroupBy.LINK_WORKER);
        assertThat(GroupBy.parse("month,source")).containsExactly(GroupBy.SOURCE, GroupBy.MONTH);
        assertThat(GroupBy.parse(null)).isEmpty();
        assertThat(GroupBy.parse("")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> GroupBy.parse("school"));
    }

    @Test
    void serializesToTheApiShape() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        JsonNode plain = json.valueToTree(ReferralRate.compute(example, FROM, TO, Set.of(), AS_OF));
        JsonNode grouped = json.valueToTree(ReferralRate.compute(example, FROM, TO,
                EnumSet.allOf(GroupBy.class), AS_OF));

        assertThat(plain.fieldNames()).toIterable().containsExactly(
                "from", "to", "asOf", "peopleSeen", "referredToVcse", "referralRate", "referralRatePercent");
        assertThat(plain.get("from").asText()).isEqualTo("2019-04-01");
        assertThat(plain.get("asOf").asText()).isEqualTo("2019-08-01T09:00:00Z");
        assertThat(plain.get("referralRatePercent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(grouped.get("groups").get("source").get("GP").fieldNames()).toIterable().containsExactly(
                "peopleSeen", "referredToVcse", "referralRate", "referralRatePercent");
        assertThat(grouped.get("groups").get("linkWorker").get("lw-2").get("referralRate").decimalValue())
                .isEqualByComparingTo("0.6667");
    }

    private static void person(History history, String name) {
        UUID referralId = id(name + "-referral");
        history.record(received(referralId, "2019-04-01", ReferralSource.SCHOOL, ReferralChannel.EMAIL, 14,
                        ReferralReason.ANXIETY),
                enrolled(id(name), referralId, "lw-a", "2019-04-02", "2019-04-01", ReferralSource.SCHOOL));
    }
}
