package org.signpost.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored form of {@link PersonalData}: encrypted with the key of the young person the event
 * is about, {@code {"subject": <their id>, "encrypted": <base64 of nonce and ciphertext>}}; an
 * erased value is {@code {"erased": true}}. Reading gives the value while the key exists, and
 * {@link PersonalData#erased()} once it is destroyed (or where no keys are at hand, such as the
 * analysts' command line, which needs none). Clear {@code {"value": ...}} from before encryption
 * is still read.
 */
public final class PersonalDataModule extends SimpleModule {

    /** How a value is written inside its encryption: shared, a mapper being safe to share once built. */
    private static final ObjectMapper PLAIN = EventSerialization.objectMapper();

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("signpost-personal-data");
        addSerializer(new Sealing(cipher, PLAIN));
        addDeserializer(PersonalData.class, new Opening(cipher, PLAIN, null));
    }

    /** Anything else that holds personal data and says whose it is (a read model's sealed value). */
    public interface Subject {
        UUID personalDataSubject();
    }

    /** The young person an event is about: the key that guards its personal data is theirs. */
    static UUID subjectOf(Object event) {
        if (event instanceof Subject holder) {
            return holder.personalDataSubject();
        }
        if (event instanceof ReferralEvent referral) {
            return referral.referralId();
        }
        if (event instanceof ParticipantEvent participant) {
            return participant.participantId();
        }
        throw new IllegalStateException("Personal data outside an event cannot be encrypted: "
                + (event == null ? "none" : event.getClass().getSimpleName()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class Sealing extends StdSerializer<PersonalData> {
        private final transient PersonalDataCipher cipher;
        private final transient ObjectMapper plain;

        Sealing(PersonalDataCipher cipher, ObjectMapper plain) {
            super(PersonalData.class);
            this.cipher = cipher;
            this.plain = plain;
        }

        @Override
        public void serialize(PersonalData data, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            // Read from a stored event for the same person: its ciphertext, neither decrypted nor encrypted again.
            UUID subject = cipher != null && data.isSealed() ? subject(gen) : null;
            byte[] stored = subject == null ? null : data.sealedFor(subject);
            if (stored != null) {
                gen.writeStringField("subject", subject.toString());
                gen.writeBinaryField("encrypted", stored);
            } else if (data.isErased()) {
                gen.writeBooleanField("erased", true);
            } else if (cipher == null) {
                // Only the keyless writer of benchmarks and tests gets here; the service always has keys.
                gen.writeFieldName("value");
                gen.writeRawValue(plain.writeValueAsString(data.value()));
            } else {
                subject = subject != null ? subject : subject(gen);
                byte[] encrypted = encrypted(data, subject);
                if (encrypted == null) {
                    gen.writeBooleanField("erased", true);
                } else {
                    gen.writeStringField("subject", subject.toString());
                    gen.writeBinaryField("encrypted", encrypted);
                }
            }
            gen.writeEndObject();
        }

        /** Null for a value written as erased because its young person's data was erased (and it may be). */
        private byte[] encrypted(PersonalData data, UUID subject) throws IOException {
            try {
                return cipher.encrypt(subject, plain.writeValueAsBytes(data.value()));
            } catch (PersonalDataCipher.PersonalDataErasedException e) {
                if (data.erasedWithThePerson()) {
                    return null;
                }
                throw e;
            }
        }
    }

    /** The event whose field is being written: Jackson keeps it as the current value of the enclosing object. */
    private static UUID subject(JsonGenerator gen) {
        return subjectOf(gen.getOutputContext().getParent() == null ? null
                : gen.getOutputContext().getParent().getCurrentValue());
    }

    @SuppressWarnings("rawtypes")
    private static final class Opening extends JsonDeserializer<PersonalData> implements ContextualDeserializer {
        private final PersonalDataCipher cipher;
        private final ObjectMapper plain;
        private final JavaType valueType;

        Opening(PersonalDataCipher cipher, ObjectMapper plain, JavaType valueType) {
            this.cipher = cipher;
            this.plain = plain;
            this.valueType = valueType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JavaType type = property != null ? property.getType() : context.getContextualType();
            JavaType value = type == null || type.containedTypeCount() == 0 ? context.constructType(Object.class)
                    : type.containedType(0);
            return new Opening(cipher, plain, value);
        }

        @Override
        public PersonalData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return open(parser.readValueAsTree(), cipher, plain, valueType);
        }
    }

    /**
     * Opens one stored personal value, already read as a tree (a read model reads many at once
     * this way, without a parser over each tree).
     */
    public static <T> PersonalData<T> open(JsonNode stored, PersonalDataCipher cipher, Class<T> type)
            throws IOException {
        return open(stored, cipher, PLAIN, PLAIN.constructType(type));
    }

    /**
     * The ciphertext as Jackson wrote it (its default variant: the standard alphabet, padded, on
     * one line), read by the JDK's decoder: Jackson's own was 4 % of the CPU of a caseload answer.
     */
    private static byte[] ciphertext(JsonNode encrypted) throws IOException {
        try {
            return Base64.getDecoder().decode(encrypted.asText());
        } catch (IllegalArgumentException e) {
            throw new JsonMappingException(null, "Stored personal data whose ciphertext is not base64", e);
        }
    }

    /** A decrypted value read as its type; null if its key was destroyed. */
    private static <T> T opened(Optional<byte[]> clear, ObjectMapper plain, JavaType valueType) {
        if (clear.isEmpty()) {
            return null;
        }
        try {
            return plain.readValue(clear.get(), valueType);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored personal data that does not read as its type", e);
        }
    }

    private static <T> PersonalData<T> open(JsonNode node, PersonalDataCipher cipher, ObjectMapper plain,
                                            JavaType valueType) throws IOException {
        if (node.has("encrypted")) {
            if (cipher == null) {
                return PersonalData.erased();
            }
            UUID subject = UUID.fromString(node.get("subject").asText());
            byte[] ciphertext = ciphertext(node.get("encrypted"));
            return PersonalData.sealed(subject, ciphertext, () -> opened(cipher.decrypt(subject, ciphertext), plain,
                    valueType));
        }
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return PersonalData.erased();
        }
        return new PersonalData<>(plain.treeToValue(value, valueType));
    }
}
