package io.mensajero.scenarios.connection;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resource alarm as a publisher and an observer see it: the publisher gets connection.blocked
 * with the alarm's reason and its messages stop being taken in; when the alarm clears it gets
 * connection.unblocked and everything it published arrives, nothing lost.
 */
final class AlarmRun {
    private AlarmRun() {
    }

    static void blockedThenUnblocked(BrokerUnderTest broker, Runnable raise, Runnable clear, String reason)
            throws Exception {
        String q = Names.unique("alarm");
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicReference<String> blockedReason = new AtomicReference<>();
        CountDownLatch unblocked = new CountDownLatch(1);
        try (Connection publisher = broker.newConnection(); Connection observer = broker.newConnection()) {
            publisher.addBlockedListener(r -> {
                blockedReason.set(r);
                blocked.countDown();
            }, unblocked::countDown);
            Channel pub = publisher.createChannel();
            Channel obs = observer.createChannel();
            obs.queueDeclare(q, false, false, false, null);
            try {
                publish(pub, q, "before the alarm");
                await().atMost(Duration.ofSeconds(5)).until(() -> obs.messageCount(q) == 1);

                raise.run();
                try {
                    publish(pub, q, "as the alarm rises");
                    assertThat(blocked.await(15, TimeUnit.SECONDS)).as("connection.blocked received").isTrue();
                    assertThat(blockedReason.get()).as("its reason").isEqualTo(reason);
                    publish(pub, q, "while blocked");
                    Thread.sleep(500);
                    assertThat(obs.messageCount(q)).as("messages taken in while blocked").isLessThanOrEqualTo(2);
                } finally {
                    clear.run();
                }
                assertThat(unblocked.await(15, TimeUnit.SECONDS)).as("connection.unblocked received").isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> obs.messageCount(q) == 3);
            } finally {
                obs.queueDelete(q);
            }
        }
    }

    private static void publish(Channel channel, String queue, String body) throws Exception {
        channel.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
    }
}
