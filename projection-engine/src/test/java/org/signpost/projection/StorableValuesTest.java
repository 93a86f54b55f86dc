package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a read model stores of values PostgreSQL cannot hold as they are, and of all others. */
class StorableValuesTest {

    @Test
    void aNulInTextBecomesTheReplacementCharacter() {
        assertThat(StorableValues.text("lw\u0000x\u0000")).isEqualTo("lw\uFFFDx\uFFFD");
        assertThat(StorableValues.text("plain, é and 😀")).isEqualTo("plain, é and 😀");
        assertThat(StorableValues.text(null)).isNull();
    }

    @Test
    void aDateOutsidePostgresqlsRangeBecomesTheInfinityOnItsSide() {
        assertThat(StorableValues.date(LocalDate.of(-10_000, 1, 1))).isEqualTo(LocalDate.MIN);
        assertThat(StorableValues.date(LocalDate.of(-4712, 1, 1).minusDays(1))).isEqualTo(LocalDate.MIN);
        assertThat(StorableValues.date(LocalDate.of(-4712, 1, 1))).isEqualTo(LocalDate.of(-4712, 1, 1));
        assertThat(StorableValues.date(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(StorableValues.date(LocalDate.of(5_874_897, 12, 31))).isEqualTo(LocalDate.of(5_874_897, 12, 31));
        assertThat(StorableValues.date(LocalDate.of(5_874_898, 1, 1))).isEqualTo(LocalDate.MAX);
        assertThat(StorableValues.date(LocalDate.MIN)).isEqualTo(LocalDate.MIN);
        assertThat(StorableValues.date(null)).isNull();
    }

    @Test
    void everyOtherValueIsStoredAsItIs() {
        UUID id = UUID.randomUUID();
        assertThat(StorableValues.of(id)).isSameAs(id);
        assertThat(StorableValues.of(42)).isEqualTo(42);
        assertThat(StorableValues.of(BigDecimal.TEN)).isEqualTo(BigDecimal.TEN);
        assertThat(StorableValues.of(null)).isNull();
        assertThat(StorableValues.of("a\u0000")).isEqualTo("a\uFFFD");
    }
}
