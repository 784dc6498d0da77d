package io.mensajero.scenarios.connection;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When memory use passes the high watermark, a connection that publishes gets connection.blocked
 * and its messages stop being taken in; when the alarm clears it gets connection.unblocked and
 * everything it published arrives, nothing lost.
 */
class PublishersAreBlockedOnMemoryAlarm {

    @EachBroker
    void blockedThenUnblocked(BrokerUnderTest broker) throws Exception {
        String q = Names.unique("alarm");
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblocked = new CountDownLatch(1);
        try (Connection publisher = broker.newConnection(); Connection observer = broker.newConnection()) {
            publisher.addBlockedListener(reason -> blocked.countDown(), unblocked::countDown);
            Channel pub = publisher.createChannel();
            Channel obs = observer.createChannel();
            obs.queueDeclare(q, false, false, false, null);
            try {
                publish(pub, q, "before the alarm");
                await().atMost(Duration.ofSeconds(15)).until(() -> obs.messageCount(q) == 1);

                broker.raiseMemoryAlarm();
                try {
                    publish(pub, q, "as the alarm rises");
                    assertThat(blocked.await(15, TimeUnit.SECONDS)).as("connection.blocked received").isTrue();
                    publish(pub, q, "while blocked");
                    Thread.sleep(500);
                    assertThat(obs.messageCount(q)).as("messages taken in while blocked").isLessThanOrEqualTo(2);
                } finally {
                    broker.clearMemoryAlarm();
                }
                assertThat(unblocked.await(15, TimeUnit.SECONDS)).as("connection.unblocked received").isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> obs.messageCount(q) == 3);
            } finally {
                obs.queueDelete(q);
            }
        }
    }

    private static void publish(Channel channel, String queue, String body) throws Exception {
        channel.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
    }
}
