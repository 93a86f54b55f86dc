package org.signpost.query.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.signpost.events.YoungPerson;
import org.signpost.platform.integrity.ChainKey;
import org.springframework.stereotype.Component;

/**
 * The keys by which staff find a young person (issue 20): an HMAC-SHA256 of the NHS number, and
 * one of the surname with the date of birth, each normalised first so that the way it was typed
 * does not matter. Names and NHS numbers are kept only sealed with the person's own key
 * (crypto-shredding), which no index can be built on; a plain hash of an NHS number or of a
 * surname and date of birth would be reversed by trying every one, so the hash is keyed, with a
 * key that is not in the database: derived from the integrity key every process already has.
 *
 * <p>A digest is computed only where the value can be read: once the person is erased their
 * data opens as null, so a replay can never bring their digests back.
 */
@Component
public class PersonLookup {

    /** Never change: every stored digest is of this key (a new label would need a replay of the referrals). */
    static final String LABEL = "person lookup";

    private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private final SecretKey key;

    public PersonLookup(ChainKey chainKey) {
        this.key = chainKey.derive(LABEL);
    }

    /** The NHS number's digest, digits only; null if the person or their number is unknown. */
    public String nhsNumber(YoungPerson person) {
        return person == null ? null : nhsNumber(person.nhsNumber());
    }

    /** The surname-and-date-of-birth digest; null if the person or either value is unknown. */
    public String surnameAndBirth(YoungPerson person) {
        return person == null ? null : surnameAndBirth(person.lastName(), person.dateOfBirth());
    }

    public String nhsNumber(String nhsNumber) {
        String digits = nhsNumber == null ? "" : NOT_DIGITS.matcher(nhsNumber).replaceAll("");
        return digits.isEmpty() ? null : digest("nhs-number\u0000" + digits);
    }

    public String surnameAndBirth(String surname, LocalDate dateOfBirth) {
        String normalised = surname(surname);
        return normalised.isEmpty() || dateOfBirth == null ? null
                : digest("surname-and-birth\u0000" + normalised + "\u0000" + dateOfBirth);
    }

    /** Trimmed, Unicode NFC, lower case (Locale.ROOT), inner whitespace one space. */
    public static String surname(String surname) {
        if (surname == null) {
            return "";
        }
        String composed = Normalizer.normalize(surname, Normalizer.Form.NFC);
        // Lower-casing may decompose a character again: composed once more after it.
        String folded = Normalizer.normalize(composed.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    private String digest(String value) {
        try {
            // A Mac is not thread-safe; one per digest costs microseconds.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
        }
    }
}
