package org.signpost.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The stored form's date deserializer reads every JSON value exactly as jsr310's own does: the
 * same date, or a refusal of the same kind.
 */
class StoredDateDeserializerTest {

    private final ObjectMapper stored = EventSerialization.objectMapper();
    private final ObjectMapper jsr310 = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Property(tries = 3000)
    void readsEveryDateAsJsr310Does(@ForAll("dateTexts") String text) {
        assertSameAsJsr310("\"" + text + "\"");
    }

    @Example
    void readsOtherFormsAsJsr310Does() {
        for (String json : new String[] {"[2025,3,14]", "20250314", "null", "\"\"", "\"2025-03-14T10:00:00\"",
                "\"+12025-03-14\"", "\"-0001-03-14\"", "\"2024-02-29\"", "\"2023-02-29\"", "{}"}) {
            assertSameAsJsr310(json);
        }
    }

    @Example
    void readsAnEventsDates() throws Exception {
        ReferralWithdrawn event = stored.readValue(
                "{\"referralId\":\"6f1c8a36-3f4b-4c43-9a57-2bd1a1e3c0a1\",\"withdrawnOn\":\"2025-03-14\"}",
                ReferralWithdrawn.class);
        assertThat(event.withdrawnOn()).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Provide
    Arbitrary<String> dateTexts() {
        Arbitrary<String> real = Arbitraries.longs().between(LocalDate.of(-2000, 1, 1).toEpochDay(),
                LocalDate.of(12000, 12, 31).toEpochDay()).map(day -> LocalDate.ofEpochDay(day).toString());
        Arbitrary<String> anyDayOfAnyMonth = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99))
                .as((year, month, day) -> String.format("%04d-%02d-%02d", year, month, day));
        Arbitrary<String> nearMisses = Arbitraries.strings().withChars("0123456789-+ T/x").ofMinLength(8)
                .ofMaxLength(12);
        return Arbitraries.oneOf(real, anyDayOfAnyMonth, nearMisses);
    }

    private void assertSameAsJsr310(String json) {
        assertThat(read(stored, json)).as(json).isEqualTo(read(jsr310, json));
    }

    /** The date read, or the kind of refusal. */
    private static Object read(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, LocalDate.class));
        } catch (JsonProcessingException e) {
            return e.getClass();
        }
    }
}
