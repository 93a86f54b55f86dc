package org.signpost.console.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.console.pages.FormInput.Field;
import org.signpost.console.pages.FormInput.Kind;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the evaluation form asks for: a period, optionally a second one to compare it with, as of
 * an optional past instant (a date and a time in Europe/London, as staff read clocks), exact or
 * fit to publish. Read from the form's inputs, which stand in the page's address so that it can
 * be bookmarked; what is not a date, a period backwards or an instant to come is said on its field.
 */
record EvaluationRequest(Period period, Period comparison, Instant asOf, boolean publication) {

    /** The most calendar months the API breaks a period into (its MetricsController.MAX_MONTHS). */
    static final int MAX_MONTHS = 120;

    static final List<Field> FIELDS = List.of(
            new Field("from", "Start date", Kind.DATE),
            new Field("to", "End date", Kind.DATE),
            new Field("asOfDate", "As of date", Kind.DATE),
            new Field("asOfTime", "As of time", Kind.TEXT),
            new Field("compareFrom", "Comparison start date", Kind.DATE),
            new Field("compareTo", "Comparison end date", Kind.DATE),
            new Field("publication", "Fit to publish", Kind.CHOICE));

    /** 09:30, or 09:30:15 to the second (a published figure's instant may have seconds). */
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])(?:[:.]([0-5][0-9]))?");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm:ss", Locale.UK);

    /** Days from {@code from} to {@code to}, both included. */
    record Period(LocalDate from, LocalDate to) {

        /** "1 April 2025 to 31 March 2026". */
        public String words() {
            return from.format(DAY) + " to " + to.format(DAY);
        }

        /** Whether the API gives this period's figures month by month (it does for up to ten years' months). */
        public boolean byMonth() {
            return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) < MAX_MONTHS;
        }
    }

    /**
     * Reads the form; null when something typed is refused (each refusal is on its field). Both
     * dates of the comparison, or neither; an as-of time needs its date, and a date alone means
     * the start of that day.
     */
    static EvaluationRequest read(FormInput form, Clock clock) {
        Period period = period(form, "from", "to", true, "the start date");
        Period comparison = period(form, "compareFrom", "compareTo", false, "the comparison start date");
        Instant asOf = asOf(form, clock);
        if (form.hasErrors()) {
            return null;
        }
        return new EvaluationRequest(period, comparison, asOf, form.checked("publication", "true"));
    }

    /** The form as it first shows: the twelve calendar months up to today, this one included. */
    static void presetDefault(FormInput form, Clock clock) {
        LocalDate today = BusinessDay.today(clock);
        form.presetDate("from", today.minusMonths(11).withDayOfMonth(1));
        form.presetDate("to", today);
    }

    private static Period period(FormInput form, String fromName, String toName, boolean required, String start) {
        boolean either = required || !(DateField.of(form, fromName).read() instanceof DateField.Blank)
                || !(DateField.of(form, toName).read() instanceof DateField.Blank);
        LocalDate from = form.date(fromName, either);
        LocalDate to = form.date(toName, either);
        if (from != null && to != null && to.isBefore(from)) {
            String label = required ? "End date" : "Comparison end date";
            form.refuse(toName, label + " must be the same as or after " + start);
            return null;
        }
        return from == null || to == null ? null : new Period(from, to);
    }

    private static Instant asOf(FormInput form, Clock clock) {
        String time = form.value("asOfTime");
        LocalDate date = form.date("asOfDate", !time.isEmpty());
        LocalTime at = LocalTime.MIDNIGHT;
        if (!time.isEmpty()) {
            Matcher matcher = TIME.matcher(time);
            if (!matcher.matches()) {
                form.refuse("asOfTime", "As of time must be a time on the 24-hour clock, for example 09:30");
                return null;
            }
            at = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
        }
        if (date == null) {
            return null;
        }
        Instant instant = ZonedDateTime.of(LocalDateTime.of(date, at), BusinessDay.LONDON).toInstant();
        if (instant.isAfter(clock.instant())) {
            form.refuse("asOfDate", "As of date and time must be in the past");
            return null;
        }
        return instant;
    }

    /** "5 January 2026 at 09:30:00" in Europe/London. */
    static String words(Instant instant) {
        return instant.atZone(BusinessDay.LONDON).format(INSTANT);
    }

    /** The API's query of a period's figures, as this request asks for them. */
    String query(String path, Period of, String... more) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("from", of.from())
                .queryParam("to", of.to());
        for (int i = 0; i + 1 < more.length; i += 2) {
            uri.queryParam(more[i], more[i + 1]);
        }
        if (asOf != null) {
            uri.queryParam("asOf", asOf);
        }
        if (publication) {
            uri.queryParam("publication", "true");
        }
        return uri.build().toUriString();
    }
}
