package org.signpost.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.signpost.events.EventSerialization;

/** JSON for jsonb columns, written with the events' own mapper so the stored shape is stable. */
public final class ProjectionJson {

    private static final ObjectMapper MAPPER = EventSerialization.objectMapper();

    private ProjectionJson() {
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event value that cannot be written as JSON", e);
        }
    }

    /** Enum values as one comma-separated column ("ANXIETY,LONELINESS"), in their order. */
    public static String csv(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
