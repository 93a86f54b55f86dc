package org.signpost.console.pages;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date as the design system's date input has it: day, month and year typed in three boxes.
 * The API reads dates as YYYY-MM-DD only, and would refuse 31/02/2026 or letters as unreadable
 * JSON (one field at a time), so the console reads the boxes first and says on the date itself
 * what is wrong with it.
 */
record DateField(String day, String month, String year) {

    /** What was typed: a real date, nothing at all, or something that is not a date. */
    sealed interface Reading permits Given, Blank, NotADate {
    }

    record Given(LocalDate date) implements Reading {
    }

    record Blank() implements Reading {
    }

    record NotADate(String message) implements Reading {
    }

    static DateField of(FormInput form, String name) {
        return new DateField(form.value(name + "-day"), form.value(name + "-month"), form.value(name + "-year"));
    }

    Reading read() {
        if (day.isBlank() && month.isBlank() && year.isBlank()) {
            return new Blank();
        }
        if (day.isBlank() || month.isBlank() || year.isBlank()) {
            return new NotADate("must include a day, month and year");
        }
        if (!day.strip().matches("[0-9]{1,2}") || !month.strip().matches("[0-9]{1,2}")
                || !year.strip().matches("[0-9]{4}")) {
            return new NotADate("must be a real date, for example 27 3 2026");
        }
        try {
            return new Given(LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip())));
        } catch (DateTimeException e) {
            return new NotADate("must be a real date");
        }
    }
}
