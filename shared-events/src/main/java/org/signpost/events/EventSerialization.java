package org.signpost.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The stored form of events. It has its own ObjectMapper on purpose: the web layer's JSON
 * settings may change for clients, the stored event format must not change with them.
 */
public final class EventSerialization {

    private EventSerialization() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // Registered after the JavaTimeModule, so its date deserializer is the one asked first.
                .addModule(new SimpleModule("signpost-stored-dates").addDeserializer(LocalDate.class,
                        new StoredDateDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                // A reader tolerant of fields added by later versions of an event.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Stable order of fields, so the stored bytes of an event do not depend on the JVM.
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
    }

    /**
     * The stored form of events as the service writes it: every {@link PersonalData} encrypted
     * with its young person's key (see {@link PersonalDataModule}).
     */
    public static ObjectMapper objectMapper(PersonalDataCipher cipher) {
        ObjectMapper mapper = objectMapper();
        mapper.registerModule(new PersonalDataModule(cipher));
        return mapper;
    }

    /** The Axon serializer for events, snapshots and their metadata, encrypting personal data. */
    public static Serializer serializer(PersonalDataCipher cipher) {
        return new StoredEventSerializer(JacksonSerializer.builder()
                .objectMapper(objectMapper(cipher)));
    }

    /**
     * Stored events without keys (the analysts' command line, benchmarks, tests): every encrypted
     * personal value reads as erased, everything else as stored; personal data it writes is in
     * clear, so the service itself never uses it to write.
     */
    public static Serializer serializer() {
        ObjectMapper mapper = objectMapper();
        mapper.registerModule(new PersonalDataModule(null));
        return new StoredEventSerializer(JacksonSerializer.builder()
                .objectMapper(mapper));
    }
}
