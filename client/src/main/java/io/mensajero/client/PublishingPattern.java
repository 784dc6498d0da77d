package io.mensajero.client;

import com.rabbitmq.client.Channel;
import io.mensajero.client.internal.Bodies;

import java.util.Objects;

/**
 * What the producer and the publisher share: send {@code count} messages whose body is a
 * template ({@code {n}} becomes the message's number), at most {@code rate} a second, each
 * confirmed by the broker before the next, stopping between messages when asked to.
 */
public abstract class PublishingPattern extends MessagingPattern {
    private final String body;
    private final int count;
    private final double rate;

    PublishingPattern(PublishingBuilder<?> builder, String defaultName) {
        super(builder, defaultName);
        this.body = builder.body;
        this.count = builder.count;
        this.rate = builder.rate;
    }

    /**
     * Publishes message {@code n} with this body, waits for its confirm and reports it sent;
     * false when stopped before it was confirmed (see {@link #publishConfirmed}).
     */
    @FunctionalInterface
    interface Message {
        boolean send(int n, String body) throws InterruptedException;
    }

    /**
     * Enables publisher confirms on the channel and sends the messages, paced; returns how many
     * were sent (fewer than {@code count} when stopped).
     */
    final int sendAll(Channel channel, Message message) throws InterruptedException {
        amqp(Text.of("op.confirmSelect"), channel::confirmSelect);
        int sent = 0;
        long start = System.nanoTime();
        for (int n = 1; n <= count && pace(start, n, rate); n++) {
            if (!message.send(n, Bodies.render(body, n))) {
                break;
            }
            sent++;
        }
        return sent;
    }

    /** Options shared by publishing patterns' builders. */
    public abstract static class PublishingBuilder<B extends PublishingBuilder<B>> extends MessagingPattern.Builder<B> {
        String body;
        int count = 1;
        double rate;

        PublishingBuilder(String body) {
            this.body = body;
        }

        /** The body; {@code {n}} becomes the message's number. */
        public final B body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return self();
        }

        /** How many messages to send (default 1). */
        public final B count(int count) {
            this.count = notNegative("the count", count);
            return self();
        }

        /** Messages per second; 0 (the default) sends as fast as confirms come back. */
        public final B rate(double rate) {
            this.rate = positiveRate(rate);
            return self();
        }
    }
}
