package org.signpost.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are calendar dates in Europe/London. */
public final class Today {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Today() {
    }

    public static LocalDate in(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
