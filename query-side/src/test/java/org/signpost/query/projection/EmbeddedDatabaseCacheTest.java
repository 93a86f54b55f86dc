package org.signpost.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.query.testing.QuerySideTest;

/** The embedded PostgreSQL keeps the read models in a cache of its own, larger than PostgreSQL's default. */
class EmbeddedDatabaseCacheTest extends QuerySideTest {

    @Test
    void theEmbeddedDatabaseHasTheServicesSharedBuffers() {
        assertThat(jdbc.queryForObject("SHOW shared_buffers", String.class))
                .isEqualTo(EmbeddedPostgresServer.DEFAULT_SHARED_BUFFERS).isEqualTo("512MB");
    }
}
