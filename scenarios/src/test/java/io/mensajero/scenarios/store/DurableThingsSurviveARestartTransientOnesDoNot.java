package io.mensajero.scenarios.store;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course's durability lesson (producer-v2.py): a durable queue and persistent messages
 * survive a broker restart; a non-durable queue, a non-durable exchange and transient messages
 * do not; durable bindings keep routing. On RabbitMQ the restart is rabbitmqctl stop_app and
 * start_app.
 */
class DurableThingsSurviveARestartTransientOnesDoNot {

    @EachBroker(dataDirectory = true)
    void restart(BrokerUnderTest broker) throws Exception {
        String durableQueue = Names.unique("durable-q");
        String transientQueue = Names.unique("transient-q");
        String durableExchange = Names.unique("durable-x");
        String transientExchange = Names.unique("transient-x");
        try {
            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                ch.exchangeDeclare(durableExchange, "direct", true);
                ch.exchangeDeclare(transientExchange, "fanout", false);
                ch.queueDeclare(durableQueue, true, false, false, null);
                ch.queueDeclare(transientQueue, false, false, false, null);
                ch.queueBind(durableQueue, durableExchange, "k");
                ch.queueBind(transientQueue, durableExchange, "k");
                ch.confirmSelect();
                ch.basicPublish(durableExchange, "k", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("persistent 1"));
                ch.basicPublish(durableExchange, "k", MessageProperties.TEXT_PLAIN, bytes("transient"));
                ch.basicPublish(durableExchange, "k", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("persistent 2"));
                ch.waitForConfirmsOrDie(10_000);
                assertThat(ch.queueDeclarePassive(durableQueue).getMessageCount()).isEqualTo(3);
                assertThat(ch.queueDeclarePassive(transientQueue).getMessageCount()).isEqualTo(3);
            }

            broker.restart();

            assertThat(BrokerState.exchangeExists(broker, durableExchange)).as("durable exchange").isTrue();
            assertThat(BrokerState.exchangeExists(broker, transientExchange)).as("non-durable exchange").isFalse();
            assertThat(BrokerState.messages(broker, transientQueue)).as("non-durable queue").isEqualTo(-1);
            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                assertThat(ch.queueDeclarePassive(durableQueue).getMessageCount()).isEqualTo(2);
                List<String> got = new ArrayList<>();
                GetResponse r;
                while ((r = ch.basicGet(durableQueue, true)) != null) {
                    got.add(new String(r.getBody(), StandardCharsets.UTF_8)
                            + (r.getEnvelope().isRedeliver() ? " (redelivered)" : "")
                            + " mode " + r.getProps().getDeliveryMode());
                }
                assertThat(got).containsExactly("persistent 1 mode 2", "persistent 2 mode 2");

                ch.confirmSelect();
                ch.basicPublish(durableExchange, "k", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("after"));
                ch.waitForConfirmsOrDie(10_000);
                assertThat(ch.queueDeclarePassive(durableQueue).getMessageCount()).as("the binding routes").isEqualTo(1);
            }
        } finally {
            BrokerState.deleteQueue(broker, durableQueue);
            BrokerState.deleteExchange(broker, durableExchange);
            BrokerState.amqp(broker, ch -> {
                ch.queueDelete(transientQueue);
                ch.exchangeDelete(transientExchange);
                return null;
            });
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
