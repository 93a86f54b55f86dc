package org.signpost.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates given by staff are calendar dates in Europe/London: "today", days waiting and weeks of
 * support are counted there, on both sides, so a session recorded at 00:30 BST is not in the
 * future.
 */
public final class BusinessCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
