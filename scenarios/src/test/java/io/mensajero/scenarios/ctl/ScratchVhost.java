package io.mensajero.scenarios.ctl;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A vhost of the scenario's own, made with {@code mensajero ctl} and guest allowed in it, so what
 * the scenario lists, closes or purges is its own even on a shared RabbitMQ. Closing it deletes
 * the vhost, with everything in it.
 */
final class ScratchVhost implements AutoCloseable {
    private final BrokerUnderTest broker;
    private final String name;

    private ScratchVhost(BrokerUnderTest broker, String name) {
        this.broker = broker;
        this.name = name;
    }

    static ScratchVhost create(BrokerUnderTest broker) {
        String name = Names.unique("ctl-vhost");
        Ctl.ok(broker, "add_vhost", name);
        ScratchVhost vhost = new ScratchVhost(broker, name);
        try {
            Ctl.ok(broker, "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        } catch (AssertionError e) {
            vhost.close();
            throw e;
        }
        return vhost;
    }

    String name() {
        return name;
    }

    /** guest on this vhost. */
    ConnectionFactory factory() {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setVirtualHost(name);
        return factory;
    }

    Connection connect() throws IOException, TimeoutException {
        return factory().newConnection();
    }

    @Override
    public void close() {
        Ctl.run(broker, "delete_vhost", name);
    }
}
