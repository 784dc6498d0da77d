package io.mensajero.broker.internal.definitions;

import io.mensajero.broker.internal.store.DefinitionStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users, vhosts, permissions, topic permissions and policies kept in the message store's
 * {@link DefinitionStore} (its definitions log in the data directory), next to the durable
 * exchanges, queues and bindings: each kind of the definitions file is a kind of that store.
 */
final class StoredDefinitions implements DefinitionsStore {
    private final DefinitionStore store;

    StoredDefinitions(DefinitionStore store) {
        this.store = store;
    }

    @Override
    public void put(String kind, String key, Map<String, Object> value) {
        store.put(kind, key, value);
    }

    @Override
    public void remove(String kind, String key) {
        store.remove(kind, key);
    }

    @Override
    public Map<String, Map<String, Object>> load(String kind) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        for (DefinitionStore.Definition d : store.loadAll()) {
            if (d.kind().equals(kind)) {
                entries.put(d.key(), d.value());
            }
        }
        return entries;
    }
}
