package io.mensajero.broker.internal.definitions;

import java.util.LinkedHashMap;
import java.util.Map;

/** Definitions kept in memory only: a restart starts from the defaults. */
final class InMemoryDefinitionsStore implements DefinitionsStore {
    private final Map<String, Map<String, Map<String, Object>>> kinds = new LinkedHashMap<>();

    @Override
    public synchronized void put(String kind, String key, Map<String, Object> value) {
        kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(value)));
    }

    @Override
    public synchronized void remove(String kind, String key) {
        Map<String, Map<String, Object>> entries = kinds.get(kind);
        if (entries != null) {
            entries.remove(key);
        }
    }

    @Override
    public synchronized Map<String, Map<String, Object>> load(String kind) {
        return new LinkedHashMap<>(kinds.getOrDefault(kind, Map.of()));
    }
}
