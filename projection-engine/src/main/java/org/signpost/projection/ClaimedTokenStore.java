package org.signpost.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

/**
 * Axon's JDBC token store, except that a token is stored only by the process holding its
 * segment's claim. Axon's store, when its {@code UPDATE ... WHERE owner = this process} finds the
 * claim gone, claims the segment again if nobody holds it or the holder's claim has run out. A
 * batch that outlived its claim (longer than the claim timeout, on a loaded machine) would then
 * commit its rows after another process had taken the segment over, handled the same events from
 * the stored token and let the segment go: every counter those events raise, raised twice (a
 * participant with 6 sessions held live and 3 after a replay, TwoQuerySidesIT). Here the late
 * batch is refused instead: its transaction, rows and token, rolls back, and the events are left
 * to the process that holds the segment (ClaimedTokenStoreTest).
 *
 * <p>Every store of the engine's own (a hand-over) claims its segments first; a token is never
 * stored unclaimed. Axon's {@code resetTokens}, which stores without claims, is therefore refused:
 * the service never uses it (a replay builds a new generation beside the live one, ReplayEngine).
 */
public final class ClaimedTokenStore extends JdbcTokenStore {

    public ClaimedTokenStore(JdbcTokenStore.Builder builder) {
        super(builder);
    }

    /** Axon's fallback when the update by owner changed nothing: the claim is someone else's, or nobody's. */
    @Override
    protected void updateToken(Connection connection, ResultSet resultSet, TrackingToken token, String processorName,
                               int segment) {
        throw new UnableToClaimTokenException("Segment " + segment + " of " + processorName
                + " is not claimed by this process any more: what its batch handled is left to the segment's owner");
    }
}
