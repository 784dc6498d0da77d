package io.mensajero.broker.internal.store;

import java.util.List;
import java.util.Map;

/**
 * Durable definitions, kept by kind and key: exchanges, queues and bindings now; users, vhosts,
 * permissions and policies can use the same store. A value is a JSON-compatible map (strings,
 * numbers, booleans, lists, maps). {@link #loadAll()} gives what was stored when the broker
 * started, in the order entities were first put. Called on the broker's loop; writes go to disk
 * off it.
 */
public interface DefinitionStore {
    /** One stored entity. */
    record Definition(String kind, String key, Map<String, Object> value) {
    }

    void put(String kind, String key, Map<String, Object> value);

    void remove(String kind, String key);

    List<Definition> loadAll();

    /** A store that keeps nothing (a broker without a data directory). */
    DefinitionStore NONE = new DefinitionStore() {
        @Override
        public void put(String kind, String key, Map<String, Object> value) {
        }

        @Override
        public void remove(String kind, String key) {
        }

        @Override
        public List<Definition> loadAll() {
            return List.of();
        }
    };
}
