package io.mensajero.scenarios.store;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A durable queue with x-max-priority keeps its persistent messages across a restart, and they
 * still come out highest priority first, in publishing order within a priority: here a run of
 * low-priority messages longer than a small read-back batch, then high ones.
 */
class PriorityQueuesKeepTheirOrderAcrossARestart {

    @EachBroker(dataDirectory = true)
    void restart(BrokerUnderTest broker) throws Exception {
        String q = Names.unique("durable-priority-q");
        List<String> expected = new ArrayList<>();
        try {
            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclare(q, true, false, false, Map.of("x-max-priority", 3));
                ch.confirmSelect();
                for (int i = 0; i < 100; i++) {
                    publish(ch, q, "low " + i, 1);
                }
                publish(ch, q, "none", null);
                publish(ch, q, "high 1", 3);
                publish(ch, q, "capped", 7);
                publish(ch, q, "middle", 2);
                ch.waitForConfirmsOrDie(10_000);
            }
            expected.add("high 1");
            expected.add("capped");
            expected.add("middle");
            for (int i = 0; i < 100; i++) {
                expected.add("low " + i);
            }
            expected.add("none");

            broker.restart();

            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(104);
                List<String> got = new ArrayList<>();
                for (GetResponse r; (r = ch.basicGet(q, true)) != null; ) {
                    got.add(new String(r.getBody(), StandardCharsets.UTF_8));
                }
                assertThat(got).containsExactlyElementsOf(expected);
            }
        } finally {
            try (Connection c = broker.newConnection()) {
                c.createChannel().queueDelete(q);
            }
        }
    }

    private static void publish(Channel ch, String q, String body, Integer priority) throws Exception {
        ch.basicPublish("", q, new AMQP.BasicProperties.Builder().deliveryMode(2).priority(priority).build(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
