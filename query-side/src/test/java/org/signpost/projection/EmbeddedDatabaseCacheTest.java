package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.query.testing.QuerySideTest;

/**
 * The embedded PostgreSQL is configured for read models of millions of rows: a larger cache,
 * more WAL between checkpoints, and no WAL for what only replicas would need.
 */
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

    @Test
    void indexBuildsWriteNoWalThatNoReplicaWillRead() {
        assertThat(jdbc.queryForObject("SHOW wal_level", String.class))
                .isEqualTo(EmbeddedPostgresServer.WAL_LEVEL).isEqualTo("minimal");
        assertThat(jdbc.queryForObject("SHOW max_wal_senders", String.class)).isEqualTo("0");
    }
}
