package org.signpost.console.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's dates are business days in Europe/London, whatever the server's own time zone
 * (docs/product.md): a form's "today" is London's, as the API's is. The server's zone put
 * yesterday in the forms between midnight and one in the morning of British Summer Time, and
 * on a server ahead of London tomorrow, which the API refuses.
 */
final class BusinessDay {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private BusinessDay() {
    }

    static LocalDate today() {
        return today(Clock.systemUTC());
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
