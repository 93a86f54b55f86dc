package org.signpost.query.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates a figure is about, both ends included. Business dates are already dates in
 * Europe/London as staff gave them, so no time zone is involved here.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }
}
