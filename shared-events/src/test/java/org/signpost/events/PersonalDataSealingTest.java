package org.signpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

/**
 * A personal value read from a stored event and written again for the same young person keeps
 * its ciphertext (a replay seals every referral's personal data into the read models: one
 * encryption fewer each); written for anyone else, it is encrypted anew with their key.
 */
class PersonalDataSealingTest {

    private static final UUID REFERRAL = UUID.fromString("6f1c8a36-3f4b-4c43-9a57-2bd1a1e3c0a1");
    private static final UUID OTHER = UUID.fromString("0b0f7f1e-5a8e-4a77-8a61-3f0f6a2d9b10");

    /** AES-GCM with a key per young person and a fresh nonce per encryption, as the service's keys do. */
    private static final class CountingCipher implements PersonalDataCipher {
        private final Map<UUID, SecretKey> keys = new HashMap<>();
        private final SecureRandom random = new SecureRandom();
        final AtomicInteger encryptions = new AtomicInteger();
        final AtomicInteger decryptions = new AtomicInteger();

        void destroyKey(UUID subject) {
            keys.remove(subject);
        }

        private SecretKey key(UUID subject) {
            return keys.computeIfAbsent(subject, s -> {
                try {
                    return KeyGenerator.getInstance("AES").generateKey();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public byte[] encrypt(UUID subject, byte[] clear) {
            encryptions.incrementAndGet();
            try {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key(subject), new GCMParameterSpec(128, nonce));
                byte[] sealed = cipher.doFinal(clear);
                byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
                System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<byte[]> decrypt(UUID subject, byte[] sealed) {
            decryptions.incrementAndGet();
            if (!keys.containsKey(subject)) {
                return Optional.empty();
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key(subject), new GCMParameterSpec(128, sealed, 0, 12));
                return Optional.of(cipher.doFinal(sealed, 12, sealed.length - 12));
            } catch (GeneralSecurityException e) {
                return Optional.empty();
            }
        }
    }

    private final CountingCipher cipher = new CountingCipher();
    private final Serializer serializer = EventSerialization.serializer(cipher);

    private byte[] write(SignpostEvent event) {
        return serializer.serialize(event, byte[].class).getData();
    }

    private ReferralWithdrawn read(byte[] stored) {
        SerializedObject<byte[]> serialized = serializer.serialize(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3,
                14), null), byte[].class);
        return serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                serialized.getType()));
    }

    @Test
    void aValueReadAndWrittenAgainForTheSamePersonKeepsItsCiphertext() {
        byte[] stored = write(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14), PersonalData.of("Moved away")));
        ReferralWithdrawn read = read(stored);

        byte[] again = write(read);

        assertThat(again).isEqualTo(stored);
        assertThat(cipher.encryptions).hasValue(1);
        assertThat(read.reason()).isEqualTo(PersonalData.of("Moved away"));
        assertThat(read(again).reason().value()).isEqualTo("Moved away");
    }

    /** As a replay does with every personal value of the store: none is needed in clear. */
    @Test
    void aValueReadAndWrittenAgainForTheSamePersonIsNeverDecrypted() {
        byte[] stored = write(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14), PersonalData.of("Moved away")));

        byte[] again = write(read(stored));

        assertThat(again).isEqualTo(stored);
        assertThat(cipher.decryptions).hasValue(0);
    }

    @Test
    void aValueIsDecryptedOnceWhenFirstNeeded() {
        ReferralWithdrawn read = read(write(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14),
                PersonalData.of("Moved away"))));
        assertThat(cipher.decryptions).hasValue(0);

        assertThat(read.reason().value()).isEqualTo("Moved away");
        assertThat(read.reason().isErased()).isFalse();
        assertThat(read.reason().value()).isEqualTo("Moved away");
        assertThat(cipher.decryptions).hasValue(1);
    }

    /**
     * A value read before its young person's key was destroyed, and not needed until after,
     * is erased; written again, its ciphertext (which nothing can open now) is what it writes.
     */
    @Test
    void aValueFirstNeededAfterItsKeyWasDestroyedIsErased() {
        byte[] stored = write(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14), PersonalData.of("Moved away")));
        ReferralWithdrawn read = read(stored);

        cipher.destroyKey(REFERRAL);

        assertThat(write(read)).isEqualTo(stored);
        assertThat(read.reason().isErased()).isTrue();
        assertThat(read.reason().value()).isNull();
        assertThat(read(stored).reason().isErased()).isTrue();
    }

    @Test
    void aValueWrittenForAnotherPersonIsEncryptedWithTheirKey() {
        ReferralWithdrawn read = read(write(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14),
                PersonalData.of("Moved away"))));

        byte[] forOther = write(new ReferralWithdrawn(OTHER, LocalDate.of(2025, 3, 14), read.reason()));

        assertThat(cipher.encryptions).hasValue(2);
        String json = new String(forOther, StandardCharsets.UTF_8);
        assertThat(json).contains("\"subject\":\"" + OTHER + "\"");
        ReferralWithdrawn readBack = serializer.deserialize(new SimpleSerializedObject<>(
                forOther, byte[].class, serializer.serialize(read, byte[].class).getType()));
        assertThat(readBack.reason().value()).isEqualTo("Moved away");
    }

    @Test
    void aNewValueIsEncryptedEachTimeItIsWritten() {
        ReferralWithdrawn withdrawn = new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14),
                PersonalData.of("Moved away"));

        assertThat(write(withdrawn)).isNotEqualTo(write(withdrawn));
        assertThat(cipher.encryptions).hasValue(2);
    }

    @Test
    void aStoredCiphertextThatIsNotBase64IsAnErrorOfTheStoredFormNotAnAnswer() {
        String stored = new String(write(new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14),
                PersonalData.of("Moved away"))), StandardCharsets.UTF_8);
        byte[] damaged = stored.replaceFirst("\"encrypted\":\"", "\"encrypted\":\"%%")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(damaged)).isInstanceOf(SerializationException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("ciphertext is not base64");
    }
}
