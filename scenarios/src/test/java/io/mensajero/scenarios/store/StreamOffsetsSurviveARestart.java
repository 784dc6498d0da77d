package io.mensajero.scenarios.store;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream queue keeps every confirmed message across a restart, transient ones too (a stream
 * writes everything), at the same offsets; messages published after the restart take the next
 * offsets, and a consumer can start anywhere in the log, before or after the restart. On RabbitMQ
 * the restart is rabbitmqctl stop_app and start_app; Mensajero's broker is stopped and started
 * again on its data directory.
 */
class StreamOffsetsSurviveARestart {

    @EachBroker(dataDirectory = true)
    void restart(BrokerUnderTest broker) throws Exception {
        String q = Names.unique("stream-restart");
        try {
            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclare(q, true, false, false, Map.of("x-queue-type", "stream"));
                ch.confirmSelect();
                for (int i = 0; i < 5; i++) {
                    AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().deliveryMode(i % 2 == 0 ? 2 : 1)
                            .build();
                    ch.basicPublish("", q, props, ("before " + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
            }

            broker.restart();

            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclarePassive(q);
                ch.confirmSelect();
                for (int i = 5; i < 8; i++) {
                    ch.basicPublish("", q, null, ("after " + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    expected.add((i < 5 ? "before " : "after ") + i + "@" + i);
                }
                assertThat(consume(c, q, "first", 8)).containsExactlyElementsOf(expected);
                assertThat(consume(c, q, 3L, 5)).containsExactlyElementsOf(expected.subList(3, 8));
                assertThat(consume(c, q, 6L, 2)).containsExactlyElementsOf(expected.subList(6, 8));
            }
        } finally {
            try (Connection c = broker.newConnection()) {
                c.createChannel().queueDelete(q);
            }
        }
    }

    private static List<String> consume(Connection c, String q, Object offset, int count) throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        Channel ch = c.createChannel();
        ch.basicQos(100);
        ch.basicConsume(q, false, Map.of("x-stream-offset", offset), (t, d) -> {
            got.add(new String(d.getBody(), StandardCharsets.UTF_8) + "@"
                    + d.getProperties().getHeaders().get("x-stream-offset"));
            ch.basicAck(d.getEnvelope().getDeliveryTag(), false);
        }, t -> { });
        await("a consumer to receive " + count).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> got.size() >= count);
        ch.close();
        return new ArrayList<>(got);
    }
}
