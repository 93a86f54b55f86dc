package org.signpost.events;

import java.util.Objects;

/**
 * The one marker for personal data inside an event: a name, a date of birth, contact details,
 * an address or postcode, or free text about a person. Everything outside such a field stays
 * readable for evaluation forever; everything inside one belongs to one young person and can be
 * encrypted with that person's key and erased by destroying it (crypto-shredding).
 *
 * <p>{@link #toString()} never shows the value, so an event logged by accident leaks nothing.
 */
public record PersonalData<T>(T value) {

    public PersonalData {
        Objects.requireNonNull(value, "personal data value");
    }

    public static <T> PersonalData<T> of(T value) {
        return new PersonalData<>(value);
    }

    /** Wraps a value that may be absent: an absent value stays absent rather than marked. */
    public static <T> PersonalData<T> ofNullable(T value) {
        return value == null ? null : new PersonalData<>(value);
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
