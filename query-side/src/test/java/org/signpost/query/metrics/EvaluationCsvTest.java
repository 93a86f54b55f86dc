package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationCsvTest {

    private static final String PERIOD = ",2019-04-01,2019-06-30,2019-08-01T09:00:00Z";

    private final String csv = EvaluationCsv.render(ExampleHistory.evaluation());
    private final List<String> lines = Arrays.asList(csv.split("\r\n", -1));

    @Test
    void aHeaderThenOneMetricARowWithCrlf() {
        assertThat(lines.get(0)).isEqualTo("metric,value,from,to,asOf");
        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        // 31 referralsReceived (total, 9 sources and 6 channels x count and share), 13 reasons, 31 triage
        // (total, 3 outcomes, 9 sources x 3), 4 referral rate, 3 uptake, 8 sessions per person, 1 minutes,
        // 1 days to first session, 1 continuity, 3 walking, 3 age, 12 outcome change: 111, the header, the end.
        assertThat(lines).hasSize(1 + 111 + 1);
        assertThat(lines.get(lines.size() - 1)).isEmpty();
    }

    @Test
    void nestedValuesHaveDottedNames() {
        assertThat(lines).contains(
                "referralsReceived.total,6" + PERIOD,
                "referralsReceived.bySource.GP.count,3" + PERIOD,
                "referralsReceived.bySource.GP.share,0.5" + PERIOD,
                "referralsReceived.byChannel.OTHER.share,0.0" + PERIOD,
                "reasonsForReferral.byReason.ANXIETY.share,0.3" + PERIOD,
                "triageOutcomes.byOutcome.DECLINED,3" + PERIOD,
                "triageOutcomes.inappropriateBySource.GP.rate,0.3333" + PERIOD,
                "peopleSeen,4" + PERIOD,
                "referralRate,0.75" + PERIOD,
                "referralRatePercent,75.0" + PERIOD,
                "vcseUptake.attended,2" + PERIOD,
                "sessionsPerPerson.distribution.5+,1" + PERIOD,
                "daysToFirstSession.median,12.5" + PERIOD,
                "walkingDistance.over30,3" + PERIOD,
                "ageAtReferral.mean,13.3" + PERIOD,
                "outcomeChange.SWEMWBS.meanChange,2.76" + PERIOD,
                "outcomeChange.ONS4.anxious.meanChange,-2.0" + PERIOD);
        assertThat(lines.subList(1, 5)).containsExactly(
                "referralsReceived.total,6" + PERIOD,
                "referralsReceived.bySource.GP.count,3" + PERIOD,
                "referralsReceived.bySource.GP.share,0.5" + PERIOD,
                "referralsReceived.bySource.CAMHS.count,1" + PERIOD);
        assertThat(lines).noneMatch(line -> line.startsWith("from,") || line.startsWith("asOf,"));
    }

    @Test
    void anAbsentValueIsAnEmptyCell() {
        LocalDate day = LocalDate.parse("2018-01-01");
        String empty = EvaluationCsv.render(EvaluationMetrics.compute(new MetricFacts(), day, day,
                ExampleHistory.AS_OF));

        assertThat(empty).contains("\r\nageAtReferral.min,,2018-01-01,2018-01-01,2019-08-01T09:00:00Z\r\n");
    }

    @Test
    void fieldsAreQuotedAsRfc4180Says() {
        assertThat(EvaluationCsv.quoted("plain.name")).isEqualTo("plain.name");
        assertThat(EvaluationCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(EvaluationCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(EvaluationCsv.quoted("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }
}
