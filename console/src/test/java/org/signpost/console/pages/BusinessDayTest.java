package org.signpost.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A form's "today" is London's, whatever the server's own zone. */
class BusinessDayTest {

    @Test
    void justAfterMidnightInBritishSummerTimeIsTheNewDayInLondon() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July.
        Clock server = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneId.of("UTC"));
        assertThat(BusinessDay.today(server)).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aServerAheadOfLondonStillProposesLondonsDay() {
        // 08:30 in Tokyo on 2 December is 23:30 on 1 December in London.
        Clock server = Clock.fixed(Instant.parse("2026-12-01T23:30:00Z"), ZoneId.of("Asia/Tokyo"));
        assertThat(BusinessDay.today(server)).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
