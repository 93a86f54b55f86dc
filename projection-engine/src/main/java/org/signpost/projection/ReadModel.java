package org.signpost.projection;

import java.util.List;

/**
 * One read model as the engine knows it: the name of its projection (and of the pooled
 * streaming event processor that feeds it) and its tables, each partitioned by a
 * {@code generation} column. Each read model declares itself as a bean of this type; the
 * engine works on the ones it is given.
 */
public record ReadModel(String name, List<String> tables) {

    public ReadModel {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("Read model " + name + " has no tables");
        }
    }
}
