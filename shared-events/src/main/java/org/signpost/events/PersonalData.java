package org.signpost.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one marker for personal data inside an event: a name, a date of birth, contact details,
 * an address or postcode, or free text about a person. Everything outside such a field stays
 * readable for evaluation forever; everything inside one belongs to one young person and can be
 * encrypted with that person's key and erased by destroying it (crypto-shredding).
 *
 * <p>{@link #toString()} never shows the value, so an event logged by accident leaks nothing.
 * Two are equal when their values are.
 *
 * <p>A value read from a stored event remembers the ciphertext it was read from, so that
 * sealing it again for the same young person (as a read model does for every referral it
 * rebuilds) writes that ciphertext instead of encrypting the value anew. It is decrypted only
 * when first asked for: a replay seals every personal value of the store into the read models
 * again and reads none of them in clear, and decrypting each (a million events hold some
 * 700,000) was CPU spent for nothing.
 */
public final class PersonalData<T> {

    private static final PersonalData<?> ERASED = new PersonalData<>(null);

    /** The value in clear; null if erased, or until {@link #opening} has run. */
    private volatile T value;
    /** Where this value was read from, if it was; never shown, never compared. */
    private final Sealed sealed;
    /** Decrypts {@link #sealed} the first time the value is needed (null when erased); then dropped. */
    private volatile Supplier<T> opening;
    /** Recorded as erased, not refused, once its young person's data is erased: see {@link #ofRequiredText}. */
    private final boolean erasedWithThePerson;

    /** @param value null only for {@link #erased()} */
    @JsonCreator
    public PersonalData(@JsonProperty("value") T value) {
        this(value, null, null, false);
    }

    private PersonalData(T value, Sealed sealed, Supplier<T> opening, boolean erasedWithThePerson) {
        this.value = value;
        this.sealed = sealed;
        this.opening = opening;
        this.erasedWithThePerson = erasedWithThePerson;
    }

    public static <T> PersonalData<T> of(T value) {
        return new PersonalData<>(Objects.requireNonNull(value, "personal data value"));
    }

    /** Wraps a value that may be absent: an absent value stays absent rather than marked. */
    public static <T> PersonalData<T> ofNullable(T value) {
        return value == null ? null : new PersonalData<>(value);
    }

    /** Free text a person typed about a young person (notes, reasons): absent when empty or blank. */
    public static PersonalData<String> ofText(String text) {
        return text == null || text.isBlank() ? null : new PersonalData<>(text);
    }

    /**
     * Free text that a step of support cannot be recorded without (why a link worker changed, why
     * support was extended, a concern's summary or outcome). After the young person's data was
     * erased the step is still recorded, its text as erased: nothing personal can be recorded for
     * them again, and their support must go on (a concern closed, a link worker changed). Text a
     * step can do without (a session's notes) is refused instead, so that whoever wrote it learns
     * it was not kept and can send the step without it.
     */
    public static PersonalData<String> ofRequiredText(String text) {
        return new PersonalData<>(Objects.requireNonNull(text, "personal data value"), null, null, true);
    }

    /**
     * Personal data whose young person's key was destroyed: it was there, and can never be read
     * again. Its {@link #value()} is null.
     */
    @SuppressWarnings("unchecked")
    public static <T> PersonalData<T> erased() {
        return (PersonalData<T>) ERASED;
    }

    /**
     * A value read from this ciphertext, sealed with this young person's key, and decrypted by
     * {@code opening} (null if the key is destroyed) when first needed.
     */
    static <T> PersonalData<T> sealed(UUID subject, byte[] ciphertext, Supplier<T> opening) {
        return new PersonalData<>(null, new Sealed(subject, ciphertext), Objects.requireNonNull(opening), false);
    }

    /**
     * Named for JSON as the record this was named it: written by a mapper without the sealing
     * module (an audit answer opens an event's payload that way), a value is
     * {@code {"value": ..., "erased": false}}.
     */
    @JsonProperty("value")
    public T value() {
        Supplier<T> pending = opening;
        if (pending != null) {
            synchronized (this) {
                if (opening != null) {
                    value = opening.get();
                    opening = null;
                }
            }
        }
        return value;
    }

    public boolean isErased() {
        return value() == null;
    }

    /**
     * The ciphertext this value was read from, if it was sealed for this young person; it may
     * never have been decrypted, and its key may be destroyed since (it then opens as erased).
     */
    byte[] sealedFor(UUID subject) {
        return sealed != null && sealed.subject().equals(subject) ? sealed.ciphertext() : null;
    }

    /** Whether this value is written as erased, rather than refused, for a young person whose data was erased. */
    boolean erasedWithThePerson() {
        return erasedWithThePerson;
    }

    /** Whether this value was read from a ciphertext. */
    boolean isSealed() {
        return sealed != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalData<?> data && Objects.equals(value(), data.value());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value());
    }

    @Override
    public String toString() {
        return isErased() ? "PersonalData[erased]" : "PersonalData[redacted]";
    }

    private record Sealed(UUID subject, byte[] ciphertext) {
    }
}
