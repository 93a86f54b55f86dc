package org.signpost.projection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The event table's timestamps read fast, and exactly as Axon's own parser reads them. */
class StoredInstantTest {

    @Property(tries = 5_000)
    void readsWhatAxonWritesAsAxonReadsIt(
            @ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long epochMillis) {
        String stored = DateTimeUtils.formatInstant(Instant.ofEpochMilli(epochMillis));
        assertThat(StoredInstant.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored))
                .isEqualTo(Instant.ofEpochMilli(epochMillis));
    }

    @Test
    void otherFormsAreLeftToAxonsParser() {
        assertThat(StoredInstant.parse("2026-11-25T03:45:32.890123Z")).isEqualTo(Instant.parse("2026-11-25T03:45:32.890123Z"));
        assertThat(StoredInstant.parse("2026-11-25T03:45:32Z")).isEqualTo(Instant.parse("2026-11-25T03:45:32Z"));
        assertThat(StoredInstant.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThatThrownBy(() -> StoredInstant.parse("2023-02-29T10:00:00.000Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> StoredInstant.parse("2023-02-2xT10:00:00.000Z")).isInstanceOf(RuntimeException.class);
    }
}
