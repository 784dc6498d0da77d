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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead-lettering and the store: a persistent message rejected from, or expired in, a durable
 * queue and dead-lettered into a durable queue is there after a restart, with its x-death
 * history, and is gone from the queue it died in (its record there was acked).
 */
class DeadLettersAreStoredLikeAnyPublish {

    @EachBroker(dataDirectory = true)
    void deadLettersSurviveARestart(BrokerUnderTest broker) throws Exception {
        String dead = Names.unique("dl-dead");
        String work = Names.unique("dl-work");
        String waiting = Names.unique("dl-waiting");
        try {
            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclare(dead, true, false, false, null);
                ch.queueDeclare(work, true, false, false, Map.of("x-dead-letter-exchange", "",
                        "x-dead-letter-routing-key", dead));
                ch.queueDeclare(waiting, true, false, false, Map.of("x-message-ttl", 50,
                        "x-dead-letter-exchange", "", "x-dead-letter-routing-key", dead));
                ch.confirmSelect();
                ch.basicPublish("", work, MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("rejected"));
                ch.basicPublish("", work, MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("kept"));
                ch.basicPublish("", waiting, MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("expired"));
                ch.waitForConfirmsOrDie(10_000);
                GetResponse r = ch.basicGet(work, false);
                ch.basicReject(r.getEnvelope().getDeliveryTag(), false);
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> ch.queueDeclarePassive(dead).getMessageCount() == 2);
            }

            broker.restart();

            try (Connection c = broker.newConnection()) {
                Channel ch = c.createChannel();
                assertThat(ch.queueDeclarePassive(waiting).getMessageCount()).isZero();
                List<String> left = new ArrayList<>();
                for (GetResponse r; (r = ch.basicGet(work, true)) != null; ) {
                    left.add(text(r));
                }
                assertThat(left).containsExactly("kept");
                List<String> got = new ArrayList<>();
                for (GetResponse r; (r = ch.basicGet(dead, true)) != null; ) {
                    got.add(text(r) + " " + r.getProps().getHeaders().get("x-first-death-reason")
                            + " mode " + r.getProps().getDeliveryMode());
                }
                assertThat(got).containsExactlyInAnyOrder("rejected rejected mode 2", "expired expired mode 2");
            }
        } finally {
            for (String q : List.of(dead, work, waiting)) {
                BrokerState.deleteQueue(broker, q);
            }
        }
    }

    private static String text(GetResponse r) {
        return new String(r.getBody(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
