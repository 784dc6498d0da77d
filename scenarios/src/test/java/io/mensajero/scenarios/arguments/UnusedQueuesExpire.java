package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.time.Duration;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * x-expires: a queue with no consumers that nobody declared or read from for that long is
 * deleted, messages and all. A consumer keeps it; the countdown starts again when the last one
 * leaves. Looking for the queue with a passive queue.declare renews its lease on RabbitMQ (seen on
 * 3.10.8: polled every 20 ms, a queue with x-expires 150 lived on until a gap in the polling), so
 * the scenarios look at most twice a second, several expiry periods apart.
 */
class UnusedQueuesExpire {

    private static final Duration GAP = Duration.ofMillis(500);

    @EachBroker
    void anUnusedQueueIsDeletedWithItsMessages(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-expires", 100));
            f.send(q, "goes-with-it");
            await().atMost(Fixture.PATIENCE).pollDelay(GAP).pollInterval(GAP).until(() -> !f.queueExists(q));
        }
    }

    @EachBroker
    void aConsumerKeepsTheQueueUntilItLeaves(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-expires", 150));
            Channel ch = f.connection.createChannel();
            String tag = ch.basicConsume(q, true, (t, d) -> { }, t -> { });
            long past = System.nanoTime() + Duration.ofMillis(600).toNanos();
            while (System.nanoTime() < past) {
                Thread.sleep(50);
            }
            assertThat(f.queueExists(q)).as("in use four times its expiry").isTrue();
            ch.basicCancel(tag);
            await().atMost(Fixture.PATIENCE).pollDelay(GAP).pollInterval(GAP).until(() -> !f.queueExists(q));
        }
    }

    @EachBroker
    void aPassiveDeclareCountsAsUse(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-expires", 400));
            long past = System.nanoTime() + Duration.ofMillis(1600).toNanos();
            while (System.nanoTime() < past) {
                Thread.sleep(100);
                assertThat(f.queueExists(q)).as("declared passively every 100 ms").isTrue();
            }
            await().atMost(Fixture.PATIENCE).pollDelay(GAP).pollInterval(GAP).until(() -> !f.queueExists(q));
        }
    }
}
