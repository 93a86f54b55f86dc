package org.signpost.events;

import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts the personal data of one young person ("subject": their referral's or participant's
 * id) with that person's key, and decrypts it while the key exists. The keys and their storage
 * are the platform's; the stored event format only needs this.
 */
public interface PersonalDataCipher {

    /** @throws PersonalDataErasedException if the subject's key was destroyed */
    byte[] encrypt(UUID subject, byte[] clear);

    /** Empty when the subject's key was destroyed: the data is erased. */
    Optional<byte[]> decrypt(UUID subject, byte[] sealed);

    /** Thrown when personal data would be written for someone whose data was erased. */
    class PersonalDataErasedException extends RuntimeException {

        public PersonalDataErasedException(UUID subject) {
            super("The personal data of " + subject + " was erased; none can be recorded for them", null, false, false);
        }
    }
}
