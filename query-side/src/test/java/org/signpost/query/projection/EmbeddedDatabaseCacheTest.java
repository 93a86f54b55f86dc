package org.signpost.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.query.testing.QuerySideTest;

/** The embedded PostgreSQL is configured for read models of millions of rows: a larger cache, and more WAL between checkpoints. */
class EmbeddedDatabaseCacheTest extends QuerySideTest {

    @Test
    void theEmbeddedDatabaseHasTheServicesSharedBuffers() {
        assertThat(jdbc.queryForObject("SHOW shared_buffers", String.class))
                .isEqualTo(EmbeddedPostgresServer.DEFAULT_SHARED_BUFFERS).isEqualTo("512MB");
    }

    @Test
    void aReplayOfAMillionEventsIsNotInterruptedByCheckpointsForWantOfWal() {
        assertThat(jdbc.queryForObject("SHOW max_wal_size", String.class))
                .isEqualTo(EmbeddedPostgresServer.MAX_WAL_SIZE).isEqualTo("4GB");
    }
}
