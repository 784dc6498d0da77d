package io.mensajero.broker.internal.definitions;

import java.util.Map;

/**
 * Where the broker keeps its definitions (users, vhosts, permissions, topic permissions,
 * policies) between restarts. Values are maps in RabbitMQ's definitions format (the objects of
 * {@code GET /api/definitions}), so a store needs no knowledge of the model. Kinds are the
 * definitions file's keys: {@code users}, {@code vhosts}, {@code permissions},
 * {@code topic_permissions}, {@code policies}.
 *
 * <p>Called on the broker's event loop: {@link #put} and {@link #remove} must not block it (a
 * disk-backed store queues the write).
 */
public interface DefinitionsStore {
    void put(String kind, String key, Map<String, Object> value);

    void remove(String kind, String key);

    /** Every stored definition of a kind, by key, in the order they were first stored. */
    Map<String, Map<String, Object>> load(String kind);

    /** A store that keeps nothing beyond the process: the broker's definitions live in memory. */
    static DefinitionsStore inMemory() {
        return new InMemoryDefinitionsStore();
    }

    /** A store that keeps them in the message store's definitions (the data directory). */
    static DefinitionsStore on(io.mensajero.broker.internal.store.DefinitionStore definitions) {
        return new StoredDefinitions(definitions);
    }
}
