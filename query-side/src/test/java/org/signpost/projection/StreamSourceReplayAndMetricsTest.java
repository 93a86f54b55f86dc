package org.signpost.projection;

import org.springframework.test.context.TestPropertySource;

/**
 * Every replay and "as of" test again, with the store read through Axon's event stream (how the
 * query side reads Axon Server) instead of PostgreSQL's table: the tokens it hands over, its
 * catch-up and its figures must be the same. A context and database of its own.
 */
@TestPropertySource(properties = "signpost.event-source=stream")
class StreamSourceReplayAndMetricsTest extends ReplayAndMetricsTest {
}
