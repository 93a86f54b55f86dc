package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * An event's position: exact from a replay's token; else what the reading of the event
 * remembered, without a query; else the store's row, asked by the event's identifier.
 */
class EventPositionsTest extends QuerySideTest {

    /** An event the store does not hold: asking the store for it finds nothing. */
    private static final EventMessage<String> NOT_STORED = GenericEventMessage.asEventMessage("not stored");
    private static final GapAwareTrackingToken LIVE = GapAwareTrackingToken.newInstance(100, Set.of());

    @Test
    void aPositionTheReadingRememberedIsTakenWithoutAskingTheStore() {
        EventPositions remembering = new EventPositions(jdbc, id -> id.equals(NOT_STORED.getIdentifier())
                ? OptionalLong.of(42) : OptionalLong.empty());

        assertThat(remembering.of(NOT_STORED, LIVE)).isEqualTo(42);
        assertThatThrownBy(() -> new EventPositions(jdbc, id -> OptionalLong.empty()).of(NOT_STORED, LIVE))
                .as("nothing remembered: the store is asked").isInstanceOf(EmptyResultDataAccessException.class);
    }

    @Test
    void aReplaysTokenSaysThePositionExactly() {
        EventPositions remembering = new EventPositions(jdbc, id -> OptionalLong.of(42));

        assertThat(remembering.of(NOT_STORED, new GlobalSequenceTrackingToken(7))).isEqualTo(7);
    }
}
