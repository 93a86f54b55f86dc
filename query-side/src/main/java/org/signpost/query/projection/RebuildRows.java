package org.signpost.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of a projection's {@link RowTable}s while a rebuild scans the store: they live here,
 * across the scan's chunks, and go into the new generation when the scan is over. The new
 * generation holds nothing before, so a row not here does not exist yet.
 */
final class RebuildRows {

    private final Map<RowTable<?>, Map<Object, Object>> tables = new LinkedHashMap<>();

    Map<Object, Object> of(RowTable<?> table) {
        return tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
    }

    Map<RowTable<?>, Map<Object, Object>> tables() {
        return tables;
    }
}
