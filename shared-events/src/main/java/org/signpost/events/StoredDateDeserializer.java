package org.signpost.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates in the form the events are stored in ("2025-03-14") read straight into a
 * {@link LocalDate}: java.time's general ISO parser, which jsr310's deserializer uses, took
 * about 8 % of the time it takes to deserialize an event in a replay (docs/benchmarks.md).
 * Anything else (another form, a number, a date that does not exist) goes to jsr310's own
 * deserializer, so what is accepted, and how the rest is refused, is unchanged.
 */
final class StoredDateDeserializer extends StdDeserializer<LocalDate> {

    StoredDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getTextLength() == 10) {
            char[] text = parser.getTextCharacters();
            int at = parser.getTextOffset();
            if (text[at + 4] == '-' && text[at + 7] == '-') {
                int year = digits(text, at, 4);
                int month = digits(text, at + 5, 2);
                int day = digits(text, at + 8, 2);
                if (year >= 0 && month >= 0 && day >= 0) {
                    try {
                        return LocalDate.of(year, month, day);
                    } catch (DateTimeException notADate) {
                        // jsr310's deserializer refuses it as it always has, below.
                    }
                }
            }
        }
        return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
    }

    /** The number these ASCII digits make, or -1 if one is not a digit. */
    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
