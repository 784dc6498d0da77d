package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A consumer that collects its deliveries, and the broker's basic.cancel, for a scenario to read. */
final class Inbox extends DefaultConsumer {
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    /** Completed with the consumer tag when the broker cancels this consumer. */
    final CompletableFuture<String> cancelledByBroker = new CompletableFuture<>();
    /** Completed with the consumer tag when the broker confirms the client's basic.cancel. */
    final CompletableFuture<String> cancelOk = new CompletableFuture<>();

    Inbox(Channel channel) {
        super(channel);
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        deliveries.add(new Delivery(envelope, properties, body));
    }

    @Override
    public void handleCancelOk(String consumerTag) {
        cancelOk.complete(consumerTag);
    }

    @Override
    public void handleCancel(String consumerTag) {
        cancelledByBroker.complete(consumerTag);
    }

    /** The next delivery; fails when none comes within {@link Amqp#PATIENCE}. */
    Delivery next() throws InterruptedException {
        Delivery d = deliveries.poll(Amqp.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(d).as("a delivery within " + Amqp.PATIENCE).isNotNull();
        return d;
    }

    List<Delivery> next(int n) throws InterruptedException {
        List<Delivery> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }

    /** The bodies of the next {@code n} deliveries, as text. */
    List<String> nextBodies(int n) throws InterruptedException {
        return next(n).stream().map(d -> Amqp.text(d.getBody())).toList();
    }

    /**
     * Nothing more arrives: after a round trip on this consumer's channel and a short wait, no
     * delivery is waiting.
     */
    void assertNothingMore() throws Exception {
        Amqp.settle(getChannel());
        assertThat(deliveries.poll()).as("no further delivery").isNull();
    }

    /** How many deliveries have arrived and not been read yet. */
    int waiting() {
        return deliveries.size();
    }

    /** Takes every delivery that has arrived so far. */
    List<Delivery> drain() {
        List<Delivery> list = new ArrayList<>();
        deliveries.drainTo(list);
        return list;
    }
}
