package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * connection.start's server properties carry a {@code capabilities} table. RabbitMQ 3.10 sends
 * publisher_confirms, exchange_exchange_bindings, basic.nack, consumer_cancel_notify,
 * connection.blocked, consumer_priorities, authentication_failure_close, per_consumer_qos and
 * direct_reply_to, all true; only those Mensajero's core implements are required here (pika's
 * confirm_delivery, for one, needs publisher_confirms). (RabbitMQ's other server properties:
 * product, version, platform, cluster_name, copyright, information.)
 */
class ServerAdvertisesCapabilities {
    private static final String[] REQUIRED = {
        "publisher_confirms", "exchange_exchange_bindings", "basic.nack", "consumer_cancel_notify",
        "connection.blocked", "authentication_failure_close", "per_consumer_qos", "direct_reply_to",
    };

    @EachBroker
    void capabilitiesTable(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            Connection c = s.connection;
            Object capabilities = c.getServerProperties().get("capabilities");
            assertThat(capabilities).isInstanceOf(Map.class);
            Map<?, ?> table = (Map<?, ?>) capabilities;
            for (String key : REQUIRED) {
                assertThat(table.get(key)).as(key).isEqualTo(Boolean.TRUE);
            }
        }
    }
}
