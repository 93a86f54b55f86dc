package org.signpost.projection.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.signpost.events.SignpostedToVcse;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.audit.AuditTrailReadModel;
import org.signpost.query.metrics.Evaluation;
import org.signpost.query.metrics.EvaluationMetrics;
import org.signpost.query.metrics.MetricFacts;
import org.signpost.query.metrics.MetricsFold;
import org.signpost.query.metrics.MetricsQueries;
import org.signpost.query.metrics.MetricsReadModel;
import org.signpost.query.testing.History;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event stored in an earlier form, read through the store's upcaster
 * ({@link VcseReferralMadeUpcaster}, a bean of every query-side test's context): the live
 * processors, the scan of the store behind "as of" figures, and a replay all read it in its
 * current form, so the three give the same figures and the same audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisedEventTest extends QuerySideTest {

    /** A year no other test of the shared store writes events in. */
    private static final LocalDate START = LocalDate.of(2018, 1, 1);
    private static final LocalDate END = LocalDate.of(2018, 12, 31);

    @Autowired
    EventStore store;

    @Autowired
    MetricsQueries metrics;

    private List<History> generated;
    private List<SignpostedToVcse> signposts;

    @BeforeAll
    void storeSignpostsInTheirEarlierForm() {
        generated = new HistoryGenerator(2018L, START, 300).histories(80);
        signposts = generated.stream().map(History::event).filter(SignpostedToVcse.class::isInstance)
                .map(SignpostedToVcse.class::cast).toList();
        List<DomainEventMessage<?>> stored = generated.stream().<DomainEventMessage<?>>map(h ->
                new GenericDomainEventMessage<>(h.aggregateType(), h.aggregateId().toString(), h.sequence(),
                        h.event() instanceof SignpostedToVcse signpost ? VcseReferralMade.storedFormOf(signpost)
                                : h.event(),
                        MetaData.from(Map.of("actor", h.actor(), "role", h.role(),
                                "correlationId", UUID.randomUUID().toString())))).toList();
        store.publish(stored);
        awaitProjections();
    }

    @Test
    void liveAsOfAndReplayReadTheEarlierFormAsTheCurrentOne() throws Exception {
        assertThat(signposts).as("signposts stored in the earlier form").hasSizeGreaterThan(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?",
                Integer.class, VcseReferralMade.class.getName())).isEqualTo(signposts.size());
        MetricFacts current = fold(generated);

        Evaluation live = metrics.evaluation(START, END, null);
        assertThat(live).isEqualTo(EvaluationMetrics.compute(current, START, END, live.asOf()));
        assertThat(live).as("figures that would differ, were the signposts not read")
                .isNotEqualTo(EvaluationMetrics.compute(fold(withoutSignposts()), START, END, live.asOf()));

        Instant now = Instant.now();
        assertThat(metrics.evaluation(START, END, now)).as("as of now, from a scan of the store")
                .isEqualTo(EvaluationMetrics.compute(current, START, END, now));

        List<Map<String, Object>> auditedLive = auditedSignposts();
        assertThat(auditedLive).hasSize(signposts.size())
                .allSatisfy(row -> assertThat(row.get("type")).isEqualTo("SignpostedToVcse"));

        projections.replay(MetricsReadModel.NAME);
        projections.replay(AuditTrailReadModel.NAME);
        await().atMost(Duration.ofSeconds(60)).until(() -> !projections.replaying(MetricsReadModel.NAME)
                && !projections.replaying(AuditTrailReadModel.NAME));
        awaitProjections();
        Evaluation replayed = metrics.evaluation(START, END, null);
        assertThat(replayed).isEqualTo(EvaluationMetrics.compute(current, START, END, replayed.asOf()));
        assertThat(auditedSignposts()).as("the audit trail rebuilt by a replay").isEqualTo(auditedLive);
    }

    /** The audit trail's rows of the signposts: their type and payload as the current form has them. */
    private List<Map<String, Object>> auditedSignposts() {
        return jdbc.queryForList("SELECT position, type, payload::text AS payload FROM audit_event WHERE generation = "
                + ProjectionGenerations.active(AuditTrailReadModel.NAME)
                + " AND position IN (SELECT global_index FROM domain_event_entry WHERE payload_type = ?)"
                + " ORDER BY position", VcseReferralMade.class.getName());
    }

    /** The facts of the history as it means today: each signpost in its current form. */
    private MetricFacts fold(List<History> events) {
        MetricFacts facts = new MetricFacts();
        events.forEach(h -> MetricsFold.apply(h.event() instanceof SignpostedToVcse signpost
                ? VcseReferralMade.currentFormOf(signpost) : h.event(), h.sequence(), facts));
        return facts;
    }

    private List<History> withoutSignposts() {
        return generated.stream().filter(h -> !(h.event() instanceof SignpostedToVcse)).toList();
    }
}
