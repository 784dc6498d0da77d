package io.mensajero.scenarios.security;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.scenarios.support.BrokerUnderTest;

/** Connections to the broker under test as a user the scenario made. */
final class AsUser {
    private AsUser() {
    }

    static ConnectionFactory factory(BrokerUnderTest broker, String user, String password, String vhost) {
        ConnectionFactory f = broker.connectionFactory();
        f.setUsername(user);
        f.setPassword(password);
        f.setVirtualHost(vhost);
        return f;
    }

    static Connection connect(BrokerUnderTest broker, String user, String password, String vhost) throws Exception {
        return factory(broker, user, password, vhost).newConnection();
    }
}
