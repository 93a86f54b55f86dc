package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.query.testing.QuerySideTest;

/** The generation a live processor writes: 1 for a projection seen the first time, then what is recorded. */
class ProjectionGenerationsTest extends QuerySideTest {

    @Test
    void aProjectionSeenTheFirstTimeIsRecordedAtGenerationOneAndKnownAfter() {
        String projection = "new-projection-" + UUID.randomUUID();

        assertThat(generations.activeGeneration(projection)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT active || ' ' || building FROM projection_generation WHERE projection = ?",
                String.class, projection)).isEqualTo("1 1");
        jdbc.update("UPDATE projection_generation SET active = 3, building = 3 WHERE projection = ?", projection);
        assertThat(generations.activeGeneration(projection)).isEqualTo(3);
        jdbc.update("DELETE FROM projection_generation WHERE projection = ?", projection);
    }
}
