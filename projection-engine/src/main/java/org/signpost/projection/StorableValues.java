package org.signpost.projection;

import java.time.LocalDate;

/**
 * What a read model stores of a value that came from an event, so that nothing a client could
 * have sent is refused by the database: a refused row makes its event a dead letter live, and
 * fails a replay (a rebuild's COPY takes all its rows or none). Every value is stored as it is,
 * but for two that PostgreSQL cannot hold:
 * <ul>
 * <li>text with the NUL character (U+0000), which PostgreSQL's text types refuse: each NUL
 *     becomes U+FFFD, the replacement character, visible where the text is shown;</li>
 * <li>a date outside PostgreSQL's range: one before 4713-01-01 BC becomes {@code -infinity} and
 *     one after 5874897-12-31 {@code infinity}, which sort before and after every date as the
 *     date did. Java reads them as {@link LocalDate#MIN} and {@link LocalDate#MAX}, the JDBC
 *     driver's mapping, which also writes those two as the infinities.</li>
 * </ul>
 * Code that computes the same values in memory (figures "as of" an instant) applies the same,
 * so that they equal those read back from the tables.
 */
public final class StorableValues {

    /** The earliest date the JDBC driver writes as itself (4713-01-01 BC); before it, {@code -infinity}. */
    static final LocalDate EARLIEST = LocalDate.of(-4712, 1, 1);
    /** PostgreSQL's last date. */
    static final LocalDate LATEST = LocalDate.of(5_874_897, 12, 31);

    private StorableValues() {
    }

    public static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    public static LocalDate date(LocalDate value) {
        if (value == null) {
            return null;
        }
        if (value.isBefore(EARLIEST)) {
            return LocalDate.MIN;
        }
        return value.isAfter(LATEST) ? LocalDate.MAX : value;
    }

    /** A statement's parameter as it can be stored: text and dates as above, anything else as it is. */
    static Object of(Object value) {
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        return value;
    }
}
