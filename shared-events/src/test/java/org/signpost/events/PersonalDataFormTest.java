package org.signpost.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

/**
 * The stored forms of a personal value as a reader without keys (the analysts' command line)
 * sees them: clear values from before encryption, erased ones, and sealed ones, which it can
 * only take as erased. No reader ever fails on them.
 */
class PersonalDataFormTest {

    private static final UUID REFERRAL = UUID.fromString("6f1c8a36-3f4b-4c43-9a57-2bd1a1e3c0a1");
    private final Serializer keyless = EventSerialization.serializer();

    private ReferralWithdrawn read(String reason) {
        String json = "{\"referralId\":\"" + REFERRAL + "\",\"withdrawnOn\":\"2025-03-14\",\"reason\":" + reason + "}";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(json.getBytes(), byte[].class,
                new SimpleSerializedType(ReferralWithdrawn.class.getName(), null));
        return keyless.deserialize(stored);
    }

    @Test
    void aClearValueIsRead() {
        assertThat(read("{\"value\":\"Family moved away\"}").reason()).isEqualTo(PersonalData.of("Family moved away"));
    }

    @Test
    void anErasedValueReadsAsErased() {
        assertThat(read("{\"erased\":true}").reason().isErased()).isTrue();
        assertThat(read("{\"value\":null}").reason().isErased()).isTrue();
    }

    @Test
    void aSealedValueReadsAsErasedWithoutKeys() {
        PersonalData<String> reason = read("{\"subject\":\"" + REFERRAL + "\",\"encrypted\":\"AAECAwQFBgcICQoLDA0ODxAREhM=\"}")
                .reason();
        assertThat(reason.isErased()).isTrue();
        assertThat(reason.value()).isNull();
        assertThat(reason.toString()).isEqualTo("PersonalData[erased]");
    }

    @Test
    void anAbsentValueStaysAbsent() {
        assertThat(read("null").reason()).isNull();
    }

    @Test
    void anErasedValueIsWrittenAsErasedAndNeverAsItsOldValue() {
        ReferralWithdrawn erased = new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14), PersonalData.erased());
        String written = new String(keyless.serialize(erased, byte[].class).getData());
        assertThat(written).contains("\"reason\":{\"erased\":true}");
        assertThat(List.of(PersonalData.of("x").toString(), PersonalData.erased().toString()))
                .containsExactly("PersonalData[redacted]", "PersonalData[erased]");
    }

    @Test
    void withoutTheSealingModuleAValueIsWrittenInTheClearAndReadBack() throws Exception {
        // As an audit answer shows an opened event's personal values.
        ObjectMapper plain = EventSerialization.objectMapper();
        ReferralWithdrawn withdrawn = new ReferralWithdrawn(REFERRAL, LocalDate.of(2025, 3, 14),
                PersonalData.of("Family moved away"));

        String written = plain.writeValueAsString(withdrawn);

        assertThat(written).contains("\"reason\":{\"value\":\"Family moved away\",\"erased\":false}");
        assertThat(plain.readValue(written, ReferralWithdrawn.class)).isEqualTo(withdrawn);
    }
}
