package io.mensajero.broker.internal.store;

/**
 * What the store writes of a message: where it was published, its raw content-header
 * properties and its body. Implementations are immutable, so the store's thread may read them
 * while the broker's loop goes on.
 */
public interface Storable {
    String exchange();

    String routingKey();

    byte[] rawProperties();

    byte[] body();
}
