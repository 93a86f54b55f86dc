package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.signpost.query.audit.AuditTrailReadModel;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.metrics.Evaluation;
import org.signpost.query.metrics.EvaluationMetrics;
import org.signpost.query.metrics.GroupBy;
import org.signpost.query.metrics.MetricFacts;
import org.signpost.query.metrics.MetricsFold;
import org.signpost.query.metrics.MetricsQueries;
import org.signpost.query.metrics.ReferralRate;
import org.signpost.query.metrics.ReferralRateReport;
import org.signpost.query.projection.ProjectionJson;
import org.signpost.query.testing.History;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several hundred random but valid referral histories in one store: the live projection, a
 * full replay and the pure function over the events give the same metrics for many random
 * periods; after a replay every read model equals what it was before; figures as of an instant
 * do not move when later events are appended; and reads keep answering during a replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayAndMetricsTest extends QuerySideTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    MetricsQueries metrics;

    @Autowired
    ReplayEngine replayEngine;

    @Autowired
    EventProcessingConfiguration processing;

    private final List<History> generated = new ArrayList<>();
    private final Random random = new Random(20261124L);

    @BeforeAll
    void store() {
        generated.addAll(new HistoryGenerator(7L, START, 600).histories(400));
        append(generated);
        awaitProjections();
    }

    @Test
    void liveProjectionAndPureFunctionAgreeForRandomPeriods() {
        MetricFacts pure = fold(generated);
        for (int i = 0; i < 60; i++) {
            LocalDate from = START.plusDays(random.nextInt(700));
            LocalDate to = from.plusDays(random.nextInt(400));
            Evaluation live = metrics.evaluation(from, to, null);
            Evaluation expected = EvaluationMetrics.compute(pure, from, to, live.asOf());
            assertThat(live).as("period %s..%s", from, to).isEqualTo(expected);
            ReferralRateReport rate = metrics.referralRate(from, to, EnumSet.allOf(GroupBy.class), null);
            assertThat(rate).isEqualTo(ReferralRate.compute(pure, from, to, EnumSet.allOf(GroupBy.class), rate.asOf()));
        }
    }

    @Test
    void aReplayRebuildsEveryReadModelExactlyAndReadsGoOnMeanwhile() throws Exception {
        Map<String, List<Map<String, Object>>> before = snapshot();
        Evaluation metricsBefore = metrics.evaluation(START, START.plusDays(700), null);
        for (String name : readModels.names()) {
            projections.replay(name);
        }
        // While the new generations are built, reads are answered from complete ones.
        while (readModels.names().stream().anyMatch(projections::replaying)) {
            assertThat(snapshot()).isEqualTo(before);
        }
        awaitProjections();
        assertThat(snapshot()).isEqualTo(before);
        Evaluation metricsAfter = metrics.evaluation(START, START.plusDays(700), null);
        assertThat(metricsAfter).usingRecursiveComparison().ignoringFields("asOf").isEqualTo(metricsBefore);
        for (String name : readModels.names()) {
            assertThat(generations.rebuild(name).active()).isGreaterThan(1);
            // The replaced generation's rows go after the replay has ended (and reads have moved on), so wait for it.
            for (String table : readModels.tables(name)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        assertThat(jdbc.queryForObject("SELECT count(DISTINCT generation) FROM " + table, Integer.class))
                                .as("old generation of %s deleted", table).isLessThanOrEqualTo(1));
            }
        }
    }

    /**
     * With {@code wal_level = minimal} (the embedded server's), the rows of a table made in the
     * same transaction go to its files, synced at commit, not a second time into the WAL: a
     * rebuilt generation is made and filled in one transaction. At commit a table smaller than
     * {@code wal_skip_threshold} (2 MB) would be logged whole instead; 0 makes every one synced,
     * whatever the size of this test's audit trail.
     */
    @Test
    void aReplayWritesTheRebuiltRowsIntoTheirTablesWithoutASecondCopyInTheWal() throws Exception {
        assertThat(jdbc.queryForObject("SHOW wal_level", String.class)).isEqualTo("minimal");
        awaitProjections();
        superuser().execute("ALTER SYSTEM SET wal_skip_threshold = 0");
        superuser().execute("SELECT pg_reload_conf()");
        try {
            String before = jdbc.queryForObject("SELECT pg_current_wal_insert_lsn()::text", String.class);
            replayAuditTrail();
            long wal = jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint",
                    Long.class, before);
            long rows = jdbc.queryForObject("SELECT pg_relation_size(to_regclass('audit_event_g' || "
                    + ProjectionGenerations.active(AuditTrailReadModel.NAME) + "))", Long.class);
            assertThat(rows).as("the rebuilt audit trail's rows, bytes").isGreaterThan(1_000_000);
            assertThat(wal).as("WAL written by the replay, bytes").isLessThan(rows / 4);
        } finally {
            superuser().execute("ALTER SYSTEM RESET wal_skip_threshold");
            superuser().execute("SELECT pg_reload_conf()");
        }
        awaitProjections();
    }

    /**
     * A rebuilt generation's rows go in frozen: the reads after a replay need not rewrite each
     * page to set its rows' hint bits, nor autovacuum rewrite it again to freeze them. PostgreSQL
     * marks the pages of rows copied frozen all-visible, and the attachment, building the indexes,
     * counts those pages into {@code relallvisible} (otherwise 0 until a vacuum).
     */
    @Test
    void aReplayWritesTheRebuiltRowsFrozen() throws Exception {
        awaitProjections();
        replayAuditTrail();
        String rebuilt = ProjectionGenerations.partition("audit_event",
                generations.activeGeneration(AuditTrailReadModel.NAME));
        Map<String, Object> pages = jdbc.queryForMap(
                "SELECT relpages, relallvisible FROM pg_class WHERE oid = to_regclass(?)", rebuilt);
        assertThat((Integer) pages.get("relpages")).as("pages of %s", rebuilt).isGreaterThan(10);
        assertThat(pages.get("relallvisible")).as("all-visible pages of %s", rebuilt).isEqualTo(pages.get("relpages"));
        awaitProjections();
    }

    /** Replays the audit trail and waits until its rebuilt generation is the one read. */
    private void replayAuditTrail() throws InterruptedException {
        projections.replay(AuditTrailReadModel.NAME);
        while (projections.replaying(AuditTrailReadModel.NAME)) {
            Thread.sleep(20);
        }
    }

    @Test
    void eventsStoredDuringAReplayReachTheRebuiltModelsExactlyOnce() throws Exception {
        List<History> pool = new HistoryGenerator(31L, START, 600).histories(600);
        List<History> during = new ArrayList<>();
        long caughtUp = 0;
        // Events are appended one history at a time for as long as the replay runs, so some land
        // during its scan and some while the processors are handed over (which the catch-up
        // then applies). Timing decides how many; up to three replays make sure some do.
        for (int attempt = 0; attempt < 3 && caughtUp == 0; attempt++) {
            projections.replay(readModels.names());
            while (readModels.names().stream().anyMatch(projections::replaying) && during.size() < pool.size()) {
                History next = pool.get(during.size());
                append(List.of(next));
                during.add(next);
            }
            awaitProjections();
            caughtUp = readModels.names().stream().mapToLong(replayEngine::eventsCaughtUp).sum();
        }
        assertThat(caughtUp).as("events applied by a hand-over's catch-up").isPositive();
        awaitProjections();
        generated.addAll(during);
        Map<String, List<Map<String, Object>>> afterConcurrentReplay = snapshot();

        // A quiet replay of the same events must give exactly the same read models...
        projections.replay(readModels.names());
        awaitProjections();
        assertThat(snapshot()).isEqualTo(afterConcurrentReplay);
        // ...and the metrics must be those of the pure function over every event.
        LocalDate from = START;
        LocalDate to = START.plusDays(900);
        Evaluation live = metrics.evaluation(from, to, null);
        assertThat(live).isEqualTo(EvaluationMetrics.compute(fold(generated), from, to, live.asOf()));
        int auditRows = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE generation = "
                + ProjectionGenerations.active(AuditTrailReadModel.NAME), Integer.class);
        assertThat((long) auditRows).isEqualTo(projections.head() - gapsInStore());
    }

    /**
     * A build (as for a read model far behind the store) pauses each processor before its
     * rebuild is under way and starts it again only at the hand-over, which makes the rebuilt
     * generation the one read: the rebuild is never under way while its processor runs. Each
     * poll reads whether a rebuild is under way before and after whether the processor runs, so
     * that a hand-over between the two reads cannot look like a processor running mid-rebuild.
     */
    @Test
    void aBuildPausesTheProcessorsForItsScanAndGivesTheSameReadModels() throws Exception {
        awaitProjections();
        Map<String, List<Map<String, Object>>> before = snapshot();
        Map<String, Integer> generationsBefore = activeGenerations();
        replayEngine.build(readModels.names(), name -> true);
        Map<String, Integer> pausedSeen = new LinkedHashMap<>();
        List<String> runningMidRebuild = new ArrayList<>();
        while (readModels.names().stream().anyMatch(projections::replaying)) {
            for (String name : readModels.names()) {
                boolean underWay = generations.rebuild(name).underWay();
                boolean running = processor(name).isRunning();
                if (underWay && generations.rebuild(name).underWay()) {
                    if (running) {
                        runningMidRebuild.add(name);
                    } else {
                        pausedSeen.merge(name, 1, Integer::sum);
                        assertThat(projections.statuses()).filteredOn(status -> status.name().equals(name))
                                .extracting(ProjectionAdmin.Status::status).containsAnyOf("REPLAYING", "RUNNING");
                    }
                }
            }
        }
        awaitProjections();
        assertThat(runningMidRebuild).as("processors seen running while their rebuild was under way").isEmpty();
        assertThat(pausedSeen.keySet()).as("rebuilds seen under way").isNotEmpty();
        assertThat(snapshot()).isEqualTo(before);
        readModels.names().forEach(name -> {
            assertThat(generations.rebuild(name).active()).isGreaterThan(generationsBefore.get(name));
            assertThat(processor(name).isRunning()).as("processor of %s after the build", name).isTrue();
        });
        assertThat(projections.statuses()).extracting(ProjectionAdmin.Status::status).containsOnly("RUNNING");
    }

    @Test
    void aBuildNoLongerNeededOnceTheReplayLockIsTakenIsLeftOut() throws Exception {
        awaitProjections();
        Map<String, Integer> generationsBefore = activeGenerations();
        replayEngine.build(List.of(CaseloadReadModel.NAME), name -> false);
        awaitProjections();
        while (!projections.replaysIdle()) {
            Thread.sleep(20);
        }
        assertThat(activeGenerations()).isEqualTo(generationsBefore);
        assertThat(processor(CaseloadReadModel.NAME).isRunning()).isTrue();
        assertThat(replayEngine.failure(CaseloadReadModel.NAME)).isEmpty();
    }

    /**
     * Processors stopped and their tokens back at the start, as a new query side on this store
     * finds them: the check made at start finds all four far behind, and one scan builds them.
     */
    @Test
    void readModelsFarBehindTheStoreAreBuiltByOneScanAndTheirProcessorsGoOnAfter() throws Exception {
        awaitProjections();
        FarBehindReadModels farBehind = new FarBehindReadModels(projections, replayEngine, generations, 100);
        assertThat(farBehind.buildThoseFarBehind()).as("far behind while caught up").isEmpty();
        Map<String, List<Map<String, Object>>> before = snapshot();
        Map<String, Integer> generationsBefore = activeGenerations();
        for (String name : readModels.names()) {
            processor(name).shutDown();
            setTokens(name, null);
            assertThat(projections.position(name)).isZero();
        }
        assertThat(farBehind.buildThoseFarBehind()).containsExactlyElementsOf(readModels.names());
        awaitProjections();
        assertThat(snapshot()).isEqualTo(before);
        for (String name : readModels.names()) {
            assertThat(generations.rebuild(name).active()).isGreaterThan(generationsBefore.get(name));
            assertThat(processor(name).isRunning()).as("processor of %s after the build", name).isTrue();
        }
        // The processors go on from the head the build handed them.
        List<History> later = new HistoryGenerator(71L, START, 600).histories(20);
        append(later);
        awaitProjections();
        generated.addAll(later);
        LocalDate from = START;
        LocalDate to = START.plusDays(900);
        Evaluation live = metrics.evaluation(from, to, null);
        assertThat(live).isEqualTo(EvaluationMetrics.compute(fold(generated), from, to, live.asOf()));
    }

    @Test
    void aReadModelIsFarBehindWhenBehindByTheLagAndByMoreThanHalfOfTheStore() {
        FarBehindReadModels farBehind = new FarBehindReadModels(projections, replayEngine, generations, 1_000);
        assertThat(farBehind.farBehind(0, 999)).as("behind by less than the lag").isFalse();
        assertThat(farBehind.farBehind(0, 1_000)).isTrue();
        assertThat(farBehind.farBehind(4_999, 10_000)).isTrue();
        assertThat(farBehind.farBehind(5_000, 10_000)).as("half of the store applied").isFalse();
        assertThat(farBehind.farBehind(10_000, 10_000)).isFalse();
    }

    private Map<String, Integer> activeGenerations() {
        Map<String, Integer> active = new LinkedHashMap<>();
        readModels.names().forEach(name -> active.put(name, generations.rebuild(name).active()));
        return active;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private long gapsInStore() {
        return projections.head() - jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void figuresAsOfAnInstantDoNotChangeWhenEventsAreAppended() throws Exception {
        Thread.sleep(5);
        Instant asOf = Instant.now();
        Thread.sleep(5);
        LocalDate from = START.plusDays(100);
        LocalDate to = START.plusDays(400);
        Evaluation before = metrics.evaluation(from, to, asOf);
        Evaluation pureBefore = EvaluationMetrics.compute(fold(generated), from, to, asOf);
        assertThat(before).isEqualTo(pureBefore);

        List<History> later = new HistoryGenerator(99L, START, 600).histories(60);
        append(later);
        awaitProjections();

        assertThat(metrics.evaluation(from, to, asOf)).isEqualTo(before);
        List<History> all = new ArrayList<>(generated);
        all.addAll(later);
        Evaluation liveNow = metrics.evaluation(from, to, null);
        assertThat(liveNow).isEqualTo(EvaluationMetrics.compute(fold(all), from, to, liveNow.asOf()));
        assertThat(liveNow).usingRecursiveComparison().ignoringFields("asOf").isNotEqualTo(before);
        generated.addAll(later);
    }

    private static MetricFacts fold(List<History> events) {
        MetricFacts facts = new MetricFacts();
        events.forEach(h -> MetricsFold.apply(h.event(), h.sequence(), facts));
        return facts;
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        readModels.names().forEach(name -> all.put(name, rows(name)));
        return all;
    }

    /**
     * Every row of a projection's active generation, without the generation column and the
     * transaction that wrote it (a rebuild writes its rows in one of its own), in a stable order.
     */
    private List<Map<String, Object>> rows(String name) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : readModels.tables(name)) {
            List<Map<String, Object>> tableRows = jdbc.queryForList("SELECT * FROM " + table + " WHERE generation = "
                    + ProjectionGenerations.active(name) + " ORDER BY 2, 3");
            tableRows.forEach(row -> {
                row.remove("generation");
                row.remove("written_by");
                row.put("table", table);
                row.replaceAll((column, value) -> opened(value));
            });
            rows.addAll(tableRows);
        }
        return rows;
    }

    /**
     * Personal values are sealed with a fresh nonce each time they are written, so a rebuilt row
     * differs in its bytes from the old one: they are compared opened, whatever column holds them.
     */
    private Object opened(Object value) {
        String text = value == null ? null : value.toString();
        if (text == null || !text.contains("\"encrypted\"")) {
            return value;
        }
        try {
            return open(ProjectionJson.mapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode open(JsonNode node)
            throws IOException {
        if (node.isObject() && node.has("encrypted") && node.has("subject")) {
            byte[] clear = keys.decrypt(UUID.fromString(node.get("subject").asText()),
                    node.get("encrypted").binaryValue()).orElseThrow();
            return ProjectionJson.mapper().readTree(clear);
        }
        if (node.isContainerNode()) {
            ContainerNode<?> copy = node.deepCopy();
            if (copy instanceof ObjectNode object) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    object.set(name, open(node.get(name)));
                }
            } else if (copy instanceof ArrayNode array) {
                for (int i = 0; i < node.size(); i++) {
                    array.set(i, open(node.get(i)));
                }
            }
            return copy;
        }
        return node;
    }
}
