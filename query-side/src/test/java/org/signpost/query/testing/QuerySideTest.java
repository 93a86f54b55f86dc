package org.signpost.query.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.RealServiceTest;
import org.signpost.projection.ProjectionAdmin;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.projection.ReadModels;
import org.signpost.projection.revision.VcseReferralMadeUpcaster;
import org.signpost.query.QuerySideApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side alone on a real PostgreSQL, fed by events appended to the real event store as
 * the command side stores them. All subclasses share one context, database and server. The store
 * has one upcaster, of an event no other test writes ({@link VcseReferralMadeUpcaster}).
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(VcseReferralMadeUpcaster.class)
public abstract class QuerySideTest extends RealServiceTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ProjectionAdmin projections;

    @Autowired
    protected ProjectionGenerations generations;

    @Autowired
    protected ReadModels readModels;

    @Autowired
    EventStore eventStore;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionManager transactionManager;

    protected Api api;

    @BeforeEach
    protected void connect() {
        api = new Api(port);
    }

    /**
     * Sets every segment's token of a projection's processor (stopped) to {@code token}, each under
     * its claim, as the service's token store requires (ClaimedTokenStore), and lets the claims go.
     */
    protected void setTokens(String projection, TrackingToken token) {
        transactionManager.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(projection)) {
                tokenStore.fetchToken(projection, segment);
                tokenStore.storeToken(token, projection, segment);
                tokenStore.releaseClaim(projection, segment);
            }
        });
    }

    protected void append(List<History> events) {
        new EventStoreWriter(eventStore).append(events);
    }

    /** Waits until every projection has applied every stored event and no rebuild is under way. */
    protected void awaitProjections() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long head = projections.head();
            return readModels.names().stream().allMatch(name ->
                    projections.position(name) >= head && !projections.replaying(name));
        });
    }
}
