package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch that outlived its segment's claim, in the order that applied events twice: process A
 * claims the segment and starts a batch; A's claim runs out, process B takes the segment over,
 * handles the same events from the stored token, stores its own and lets the segment go (a
 * rebalance, a hand-over); then A's batch ends and stores its token, with its rows, in the same
 * transaction. Axon's store takes that late token (it claims the free segment again), so A's rows
 * commit; the service's refuses it, so they roll back.
 */
class ClaimedTokenStoreTest extends QuerySideTest {

    @Autowired
    ConnectionProvider connections;

    @Autowired
    Serializer serializer;

    @Autowired
    TokenSchema schema;

    @Autowired
    TransactionManager transactions;

    @Autowired
    TokenStore serviceTokenStore;

    private final String processor = "lost-claim-" + UUID.randomUUID();

    @AfterEach
    void forgetTheTestProcessor() {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor);
    }

    @Test
    void theServiceStoresTokensOnlyUnderAClaimItHolds() {
        assertThat(serviceTokenStore).isInstanceOf(ClaimedTokenStore.class);
    }

    @Test
    void aBatchThatOutlivedItsClaimIsRefused() throws Exception {
        TokenStore late = new ClaimedTokenStore(builder("process-a", Duration.ofSeconds(10)));
        TokenStore takesOver = new ClaimedTokenStore(builder("process-b", Duration.ofMillis(1)));

        assertThatThrownBy(() -> lateBatch(late, takesOver)).isInstanceOf(UnableToClaimTokenException.class);

        assertThat(owner()).as("nobody: B let the segment go").isNull();
        assertThat(storedToken()).as("B's token, not moved back by A's late batch").isEqualTo(position(20));
    }

    @Test
    void axonsOwnStoreTakesTheLateBatch() throws Exception {
        TokenStore late = builder("process-a", Duration.ofSeconds(10)).build();
        TokenStore takesOver = builder("process-b", Duration.ofMillis(1)).build();

        lateBatch(late, takesOver);

        assertThat(owner()).as("A claimed the free segment again").isEqualTo("process-a");
        assertThat(storedToken()).as("A's late token stored over B's").isEqualTo(position(15));
    }

    private void lateBatch(TokenStore late, TokenStore takesOver) throws InterruptedException {
        transactions.executeInTransaction(() -> {
            late.initializeTokenSegments(processor, 1, position(10));
            late.fetchToken(processor, 0);
        });
        Thread.sleep(20);
        transactions.executeInTransaction(() -> {
            assertThat(takesOver.fetchToken(processor, 0)).isEqualTo(position(10));
            takesOver.storeToken(position(20), processor, 0);
            takesOver.releaseClaim(processor, 0);
        });
        transactions.executeInTransaction(() -> late.storeToken(position(15), processor, 0));
    }

    private String owner() {
        return jdbc.queryForObject("SELECT owner FROM token_entry WHERE processor_name = ?", String.class, processor);
    }

    /** The token as stored, read by a process to which any claim has run out. */
    private TrackingToken storedToken() throws InterruptedException {
        Thread.sleep(20);
        TokenStore reader = builder("reader", Duration.ofMillis(1)).build();
        return transactions.fetchInTransaction(() -> {
            TrackingToken token = reader.fetchToken(processor, 0);
            reader.releaseClaim(processor, 0);
            return token;
        });
    }

    private JdbcTokenStore.Builder builder(String process, Duration claimTimeout) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).schema(schema)
                .nodeId(process).claimTimeout(claimTimeout);
    }

    private static TrackingToken position(long index) {
        return new GlobalSequenceTrackingToken(index);
    }
}
