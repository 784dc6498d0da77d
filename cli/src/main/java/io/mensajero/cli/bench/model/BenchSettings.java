package io.mensajero.cli.bench.model;

import io.mensajero.client.ExchangeType;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code mensajero bench} run does, checked: PerfTest's options as values. Zero means
 * "no limit" for {@code rate}, {@code producerMessageCount}, {@code consumerMessageCount},
 * {@code prefetch} and {@code multiAckEvery}; a null {@code duration} means no time limit.
 *
 * @param confirm outstanding publisher confirms per producer: -1 without confirms, 0 with confirms
 *                and no limit, N at most N unconfirmed messages
 */
public record BenchSettings(
        int producers,
        int consumers,
        QueuePlan queues,
        int messageSize,
        double rate,
        int confirm,
        boolean persistent,
        boolean mandatory,
        boolean autoAck,
        int prefetch,
        int multiAckEvery,
        Duration duration,
        int producerMessageCount,
        int consumerMessageCount,
        String exchange,
        ExchangeType exchangeType,
        String routingKey,
        Map<String, Object> queueArguments,
        boolean autoDelete,
        Duration interval) {

    /** The smallest body: a 4-byte sequence number and an 8-byte send time, as PerfTest writes them. */
    public static final int MIN_MESSAGE_SIZE = MessageLayout.HEADER_BYTES;

    public BenchSettings {
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(exchangeType, "exchangeType");
        Objects.requireNonNull(interval, "interval");
        queueArguments = Map.copyOf(queueArguments);
        messageSize = Math.max(messageSize, MIN_MESSAGE_SIZE);
    }

    public boolean confirms() {
        return confirm >= 0;
    }

    /** True when some limit (time or counts) ends the run by itself; otherwise it runs until stopped. */
    public boolean limited() {
        return duration != null || producerMessageCount > 0 || consumerMessageCount > 0;
    }

    /** Whether exchange.declare is sent (durable, as PerfTest 2.22 declares it): not for the default exchange nor the predeclared amq.* ones. */
    public boolean declaresExchange() {
        return !exchange.isEmpty() && !exchange.startsWith("amq.");
    }
}
