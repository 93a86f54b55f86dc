package org.signpost.events;

import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, with the reader of each type made once: Axon's makes a new
 * {@link ObjectReader} for every object it reads, which was about a tenth of the time to
 * deserialize an event in a replay (docs/benchmarks.md). A reader is immutable and safe to
 * share between threads, and there are only as many as there are types read (events, their
 * metadata, snapshots).
 */
final class StoredEventSerializer extends JacksonSerializer {

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    StoredEventSerializer(Builder builder) {
        super(builder);
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
