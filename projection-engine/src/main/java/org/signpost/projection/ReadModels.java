package org.signpost.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The read models this process projects, in the order they are declared. */
@Component
public class ReadModels {

    private final Map<String, ReadModel> byName = new LinkedHashMap<>();

    public ReadModels(List<ReadModel> readModels) {
        for (ReadModel readModel : readModels) {
            if (byName.putIfAbsent(readModel.name(), readModel) != null) {
                throw new IllegalStateException("Two read models named " + readModel.name());
            }
        }
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** The tables of this read model. */
    public List<String> tables(String name) {
        ReadModel readModel = byName.get(name);
        if (readModel == null) {
            throw new IllegalArgumentException("No read model " + name);
        }
        return readModel.tables();
    }

    /** The tables of every read model. */
    public List<String> allTables() {
        return byName.values().stream().flatMap(readModel -> readModel.tables().stream()).toList();
    }
}
