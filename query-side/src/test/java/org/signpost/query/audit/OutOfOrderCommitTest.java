package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.signpost.events.Need;
import org.signpost.platform.axon.RecentEventPositions;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers commit out of order: an event that takes its position first may commit after later
 * ones. The processors see it late, as a gap filled, and its rows must still carry its own
 * position (the token it arrives with stands at the highest position seen).
 */
class OutOfOrderCommitTest extends QuerySideTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    RecentEventPositions recentPositions;

    @Test
    void anEventCommittedAfterLaterOnesKeepsItsOwnPositionInTheReadModels() throws Exception {
        Scenario early = new Scenario();
        UUID earlyReferral = early.referral(10, 14, List.of(Need.ANXIETY), "Early");
        Scenario late = new Scenario();
        UUID lateReferral = late.referral(9, 15, List.of(Need.ANXIETY), "Late");
        CountDownLatch earlyStored = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> earlyWriter = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    append(early.events());
                    earlyStored.countDown();
                    try {
                        mayCommit.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(earlyStored.await(30, TimeUnit.SECONDS)).isTrue();
        append(late.events());
        awaitProjections();
        mayCommit.countDown();
        earlyWriter.get(30, TimeUnit.SECONDS);
        // The gap the early event leaves is below every token's position, so waiting for the
        // positions says nothing here: wait for its row.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE generation = "
                        + ProjectionGenerations.active("audit-trail")
                        + " AND aggregate_id = ?", Long.class, earlyReferral.toString()) > 0);

        for (UUID referral : List.of(earlyReferral, lateReferral)) {
            long stored = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, referral.toString());
            Map<String, Object> row = jdbc.queryForMap("SELECT position FROM audit_event WHERE generation = "
                    + ProjectionGenerations.active("audit-trail")
                    + " AND aggregate_id = ?", referral.toString());
            assertThat(((Number) row.get("position")).longValue()).as(referral + "'s audit row").isEqualTo(stored);
        }
        long earlyPosition = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, earlyReferral.toString());
        long latePosition = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, lateReferral.toString());
        assertThat(earlyPosition).as("the early writer took its position first").isLessThan(latePosition);
        // Taken from what the event store's reading remembered, not asked again: the gap filler too.
        for (UUID referral : List.of(earlyReferral, lateReferral)) {
            Map<String, Object> stored = jdbc.queryForMap("SELECT event_identifier, global_index FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ?", referral.toString());
            assertThat(recentPositions.of((String) stored.get("event_identifier")))
                    .hasValue(((Number) stored.get("global_index")).longValue());
        }
    }
}
