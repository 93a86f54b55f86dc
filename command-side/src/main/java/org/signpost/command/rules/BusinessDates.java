package org.signpost.command.rules;

import java.time.Clock;
import java.time.LocalDate;
import org.signpost.platform.BusinessCalendar;

/** The rules every command applies to the dates staff give (see {@link BusinessCalendar}). */
public final class BusinessDates {

    private BusinessDates() {
    }

    /** The given date, or today when the client left it out. */
    public static LocalDate orToday(LocalDate date, Clock clock) {
        return date != null ? date : BusinessCalendar.today(clock);
    }

    public static void requireNotInFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(BusinessCalendar.today(clock))) {
            throw new InvalidCommand(field, "must not be in the future");
        }
    }

    public static void requireNotBefore(String field, LocalDate date, LocalDate earliest, String what) {
        if (date.isBefore(earliest)) {
            throw new CommandRefused(field, field + " " + date + " is before " + what + " (" + earliest + ")");
        }
    }
}
