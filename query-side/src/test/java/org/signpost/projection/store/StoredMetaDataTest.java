package org.signpost.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.signpost.events.EventSerialization;

/**
 * A scan reads each event's metadata field by field where it holds only strings, whole numbers
 * and nulls, and through the serializer otherwise: either way as the serializer itself reads
 * what it wrote.
 */
class StoredMetaDataTest {

    private final Serializer serializer = EventSerialization.serializer();
    private final EventStoreScan scan = new EventStoreScan(serializer, List.of());

    @Property(tries = 500)
    void metaDataReadsAsTheSerializerReadsIt(@ForAll("metaData") Map<String, Object> values) {
        byte[] stored = serializer.serialize(MetaData.from(values), byte[].class).getData();

        MetaData read = scan.metaData(stored);

        assertThat(read).isEqualTo(serializer.deserialize(new SerializedMetaData<>(stored, byte[].class)));
        assertThat(read).isEqualTo(MetaData.from(values));
    }

    @Example
    void metaDataWithOtherValuesReadsThroughTheSerializer() {
        Map<String, Object> values = new HashMap<>();
        values.put("actor", "coordinator");
        values.put("nested", Map.of("a", "b"));
        values.put("list", List.of("x", 1));
        values.put("decimal", new BigDecimal("1.5"));
        values.put("flag", true);
        byte[] stored = serializer.serialize(MetaData.from(values), byte[].class).getData();

        assertThat(scan.metaData(stored)).isEqualTo(serializer.deserialize(new SerializedMetaData<>(stored,
                byte[].class)));
    }

    @Provide
    Arbitrary<Map<String, Object>> metaData() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs()
                        .between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE).map(l -> (Object) l),
                Arbitraries.just(null));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), value).ofMaxSize(6);
    }
}
