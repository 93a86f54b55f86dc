package org.signpost.command.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates given by staff are calendar dates in Europe/London; "today" is taken there, so a session
 * recorded at 00:30 BST is not in the future.
 */
public final class BusinessDates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private BusinessDates() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /** The given date, or today when the client left it out. */
    public static LocalDate orToday(LocalDate date, Clock clock) {
        return date != null ? date : today(clock);
    }

    public static void requireNotInFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(today(clock))) {
            throw new InvalidCommand(field, "must not be in the future");
        }
    }

    public static void requireNotBefore(String field, LocalDate date, LocalDate earliest, String what) {
        if (date.isBefore(earliest)) {
            throw new CommandRefused(field, field + " " + date + " is before " + what + " (" + earliest + ")");
        }
    }
}
