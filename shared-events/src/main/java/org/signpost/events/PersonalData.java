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

    private static final PersonalData<?> ERASED = new PersonalData<>(null);

    /** @param value null only for {@link #erased()} */
    public PersonalData {
    }

    public static <T> PersonalData<T> of(T value) {
        return new PersonalData<>(Objects.requireNonNull(value, "personal data value"));
    }

    /** Wraps a value that may be absent: an absent value stays absent rather than marked. */
    public static <T> PersonalData<T> ofNullable(T value) {
        return value == null ? null : new PersonalData<>(value);
    }

    /**
     * Personal data whose young person's key was destroyed: it was there, and can never be read
     * again. Its {@link #value()} is null.
     */
    @SuppressWarnings("unchecked")
    public static <T> PersonalData<T> erased() {
        return (PersonalData<T>) ERASED;
    }

    public boolean isErased() {
        return value == null;
    }

    @Override
    public String toString() {
        return isErased() ? "PersonalData[erased]" : "PersonalData[redacted]";
    }
}
