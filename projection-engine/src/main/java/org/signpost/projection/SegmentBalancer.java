package org.signpost.projection;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shares the projections' segments among the query-side processes on one database. Axon's
 * processors claim every segment nobody holds, so the first process to start would keep them
 * all: each process announces itself in {@code query_node} and gives up the segments it holds
 * beyond its fair share, which the others then claim. A process that dies stops announcing
 * itself; its claims time out and the survivors take its segments.
 *
 * <p>While another process rebuilds a projection, this one lets go of that projection's
 * segments: the rebuilding process must hold them all for its hand-over.
 */
@Component
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final String node = UUID.randomUUID().toString();
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProjectionGenerations generations;
    private final ReplayEngine replayEngine;
    private final JdbcTemplate jdbc;
    private final ReadModels readModels;
    private final Duration interval;
    private final Duration nodeTimeout;

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, TransactionManager transactionManager,
                    ProjectionGenerations generations, ReplayEngine replayEngine, JdbcTemplate jdbc, ReadModels readModels,
                    @Value("${signpost.projections.balance-interval:PT2S}") Duration interval,
                    @Value("${signpost.projections.node-timeout:PT10S}") Duration nodeTimeout) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.generations = generations;
        this.replayEngine = replayEngine;
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.interval = interval;
        this.nodeTimeout = nodeTimeout;
    }

    @Scheduled(fixedDelayString = "${signpost.projections.balance-interval:PT2S}",
            initialDelayString = "${signpost.projections.balance-interval:PT2S}")
    void balance() {
        try {
            int nodes = announce();
            for (String name : readModels.names()) {
                processing.eventProcessor(name, StreamingEventProcessor.class).filter(StreamingEventProcessor::isRunning).ifPresent(processor ->
                        balance(name, processor, nodes));
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next round tries again.
            log.warn("Balancing the projections' segments failed this time: {}", e.toString());
        }
    }

    /** Writes this process's heartbeat; answers how many processes are alive, this one included. */
    private int announce() {
        jdbc.update("INSERT INTO query_node (node_id, heartbeat_at) VALUES (?, now())"
                + " ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()", node);
        jdbc.update("DELETE FROM query_node WHERE heartbeat_at < now() - make_interval(secs => ?)",
                (double) Math.max(60, nodeTimeout.toSeconds() * 6));
        Integer alive = jdbc.queryForObject("SELECT count(*) FROM query_node"
                + " WHERE heartbeat_at >= now() - make_interval(secs => ?)", Integer.class,
                (double) nodeTimeout.toMillis() / 1000);
        return Math.max(1, alive == null ? 1 : alive);
    }

    private void balance(String name, StreamingEventProcessor processor, int nodes) {
        if (replayEngine.replaying(name)) {
            return;
        }
        List<Integer> held = processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        int keep;
        if (generations.rebuild(name).underWay()) {
            if (!ReplayLock.held(jdbc)) {
                // Interrupted (its process died mid-replay) and nobody works on it: this process takes it up.
                replayEngine.resume(List.of(name));
                return;
            }
            keep = 0;
        } else {
            int segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name)).length;
            keep = (segments + nodes - 1) / nodes;
        }
        for (int segment : held.subList(0, Math.max(0, held.size() - keep))) {
            log.info("Releasing segment {} of {} for another process ({} processes alive)", segment, name, nodes);
            // Long enough for another process's claim (every token-claim-interval) to get it first.
            processor.releaseSegment(segment, interval.toMillis() * 3, TimeUnit.MILLISECONDS);
        }
    }

    /** When this process stops, the others need not wait for its heartbeat to age. */
    @PreDestroy
    void leave() {
        try {
            jdbc.update("DELETE FROM query_node WHERE node_id = ?", node);
        } catch (RuntimeException e) {
            log.debug("Could not remove this process from query_node", e);
        }
    }
}
