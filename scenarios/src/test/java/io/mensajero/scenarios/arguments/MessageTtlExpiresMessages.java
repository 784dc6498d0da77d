package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.time.Duration;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * x-message-ttl and the expiration property: a message left in the queue longer than the smaller
 * of the two is dropped, or dead-lettered with reason expired (and its expiration kept as
 * original-expiration, the property removed). A message expires only when it reaches the head of
 * the queue: an expired one behind a live one is still counted.
 */
class MessageTtlExpiresMessages {

    private static AMQP.BasicProperties expiring(String ms) {
        return new AMQP.BasicProperties.Builder().expiration(ms).build();
    }

    @EachBroker
    void theQueueTtlDropsMessagesNobodyTook(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-message-ttl", 30));
            String keep = f.queue(args("x-message-ttl", 600_000));
            f.send(q, "a", "b", "c");
            f.send(keep, "kept");
            f.awaitReady(q, 0);
            assertThat(f.get(q)).isNull();
            assertThat(f.drain(keep)).containsExactly("kept");
        }
    }

    @EachBroker
    void theSmallerOfQueueTtlAndExpirationWins(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String longQueue = f.queue(args("x-message-ttl", 600_000));
            String shortQueue = f.queue(args("x-message-ttl", 30));
            f.publish("", longQueue, expiring("30"), "short-message");
            f.publish("", longQueue, expiring("600000"), "long-message");
            f.publish("", shortQueue, expiring("600000"), "long-message-short-queue");
            f.awaitReady(shortQueue, 0);
            f.awaitReady(longQueue, 1);
            assertThat(f.drain(longQueue)).containsExactly("long-message");
        }
    }

    @EachBroker
    void anExpiredMessageBehindALiveOneWaitsForTheHead(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            f.publish("", q, expiring("600000"), "first-lives");
            f.publish("", q, expiring("10"), "second-expires");
            long expired = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < expired) {
                Thread.sleep(50);
            }
            assertThat(f.ready(q)).as("the expired second message is counted until it reaches the head")
                    .isEqualTo(2);
            assertThat(f.drain(q)).containsExactly("first-lives");
            assertThat(f.ready(q)).isZero();
        }
    }

    @EachBroker
    void expiredMessagesAreDeadLetteredWithTheirOriginalExpiration(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.queue(args("x-message-ttl", 60_000, "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", dlq));
            f.publish("", q, new AMQP.BasicProperties.Builder().expiration("20").priority(3).build(), "per-message");
            GetResponse r = f.awaitGet(dlq);
            assertThat(r.getProps().getExpiration()).isNull();
            assertThat(r.getProps().getPriority()).isEqualTo(3);
            assertThat(Deaths.of(r)).containsExactly(
                    Deaths.Death.of(1, "expired", q, "", q).withOriginalExpiration("20"));

            String byQueue = f.queue(args("x-message-ttl", 20, "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", dlq));
            f.send(byQueue, "per-queue");
            GetResponse s = f.awaitGet(dlq);
            assertThat(Deaths.of(s)).containsExactly(Deaths.Death.of(1, "expired", byQueue, "", byQueue));
            assertThat(Deaths.firstAndLast(s)).isEqualTo(Deaths.first("expired", byQueue, ""));
        }
    }

    @EachBroker
    void aTtlOfZeroKeepsOnlyWhatAConsumerTakesAtOnce(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-message-ttl", 0));
            f.send(q, "nobody-waits");
            assertThat(f.ready(q)).isZero();
            java.util.concurrent.BlockingQueue<String> got = new java.util.concurrent.LinkedBlockingQueue<>();
            var ch = f.connection.createChannel();
            ch.basicConsume(q, true, (tag, d) -> got.add(Fixture.text(d.getBody())), tag -> { });
            f.send(q, "consumer-waits");
            assertThat(got.poll(Fixture.PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                    .isEqualTo("consumer-waits");
        }
    }

    @EachBroker
    void aRequeuedMessageKeepsItsExpiry(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-message-ttl", 300));
            f.send(q, "requeued");
            GetResponse r = f.channel.basicGet(q, false);
            f.channel.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            f.awaitReady(q, 0);
        }
    }
}
