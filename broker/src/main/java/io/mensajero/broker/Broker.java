package io.mensajero.broker;

import java.net.InetSocketAddress;

/**
 * An embedded AMQP 0-9-1 broker that behaves like RabbitMQ.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.builder().port(0).build())) {
 *     int port = broker.port();
 *     ...
 * }
 * }</pre>
 */
public final class Broker implements AutoCloseable {

    private Broker() {
    }

    /**
     * Starts a broker and returns once it accepts connections.
     *
     * @throws BrokerStartException when it cannot listen, for example because the port is taken
     */
    public static Broker start(BrokerConfig config) {
        throw new UnsupportedOperationException("the broker is being built (issue 3)");
    }

    /** The port it listens on (the real one when the config asked for port 0). */
    public int port() {
        throw new UnsupportedOperationException();
    }

    public InetSocketAddress address() {
        throw new UnsupportedOperationException();
    }

    /** Closes every connection and stops listening. Idempotent. */
    @Override
    public void close() {
    }
}
