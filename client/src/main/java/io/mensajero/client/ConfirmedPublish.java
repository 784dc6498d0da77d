package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.mensajero.client.internal.Failures;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One message published and confirmed, for a pattern. Without recovery a lost connection or a
 * nack is the pattern's failure. With recovery a message is sent again until the broker confirms
 * it: after a lost connection (once the connection is back), also when amqp-client's new channel
 * answers for an old publish, and after a nack, which a RabbitMQ cluster sends while a quorum
 * queue has no leader (for {@link #NACKS} at most, pausing a little longer each time). The broker
 * may then hold a message twice: at least once.
 *
 * <p>After a nack the message is sent again on a channel of its own, opened for it, and the
 * caller's later messages follow on that channel. Why: RabbitMQ 3.10.8 makes a channel's client
 * state for a quorum queue at the channel's first publish to it, from the queue's record, which
 * names the killed leader until the newly elected one rewrites it (a few hundred ms after the
 * kill); that first publish asks the named node first, is nacked when that node is down, and the
 * state, never refreshed from the record, asks the same dead node at every later publish: the
 * channel nacks everything for its whole life. A channel recovered on another node that publishes
 * at once (amqp-client reconnects within 100 ms) falls into it: the lab's node-failover scenario
 * failed so (2026-12-01). Reproduced at will with nodes 1 and 2 of the local cluster killed (no
 * quorum, the record names node 1): the old code nacked for its 60 s after node 2 came back; with
 * the new channel, the message is confirmed once a leader is elected. A new channel makes its
 * state afresh from the record. The caller's own channel is left open (it may be consuming on it).
 */
final class ConfirmedPublish {
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    /** How long nacks are retried, with recovery, before they are the pattern's failure. */
    static final Duration NACKS = Duration.ofSeconds(60);
    /**
     * How long a publish may keep failing as if the connection were lost while no loss is reported
     * (the channel it goes to stays closed) before the message goes to a channel opened afresh.
     */
    static final Duration CLOSED_CHANNEL = Duration.ofSeconds(5);

    private final MessagingPattern pattern;
    /** The channel a caller's channel publishes on since a nack, when it is not the caller's. */
    private final Map<Channel, Channel> replacements = Collections.synchronizedMap(new IdentityHashMap<>());

    ConfirmedPublish(MessagingPattern pattern) {
        this.pattern = pattern;
    }

    /** Returns how many times it was sent, or 0 when the pattern was stopped before it was confirmed. */
    int send(Channel channel, String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
             long seq) throws InterruptedException {
        Text where = exchange.isEmpty() ? Text.of("to.queue", routingKey) : Text.of("to.exchange", exchange);
        long nackedSince = 0;
        long closedSince = 0;
        for (int attempts = 1; ; attempts++) {
            if (!pattern.awaitConnection()) {
                return 0;
            }
            long connection = pattern.connectionNow();
            Channel current = replacements.getOrDefault(channel, channel);
            boolean acked;
            try {
                current.basicPublish(exchange, routingKey, properties, body);
                acked = current.waitForConfirms(CONFIRM_TIMEOUT.toMillis());
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (!pattern.recovering() || !Failures.isConnectionLoss(e)) {
                    throw Failures.during(Text.of("op.publish", seq, where),
                            pattern.settings(), e);
                }
                if (!pattern.lostSince(connection)) {
                    // The loss is being reported: then wait for it. But a channel may also stay closed
                    // with no loss to come (one that was not recovered with its connection): after
                    // CLOSED_CHANNEL the message goes to a channel opened afresh.
                    long now = System.nanoTime();
                    closedSince = closedSince == 0 ? now : closedSince;
                    if (now - closedSince > CLOSED_CHANNEL.toNanos()) {
                        closedSince = 0;
                        reopen(channel, current);
                    } else {
                        pattern.stopper.pause(Duration.ofMillis(50));
                    }
                }
                continue;
            }
            closedSince = 0;
            if (pattern.lostSince(connection)) {
                continue;   // the confirm may have come from the new connection, not for this message
            }
            if (acked) {
                return attempts;
            }
            long now = System.nanoTime();
            nackedSince = nackedSince == 0 ? now : nackedSince;
            if (!pattern.recovering() || now - nackedSince > NACKS.toNanos()) {
                throw new MensajeroException(Failure.BROKER_REFUSED, Text.of("error.nacked", seq, where));
            }
            if (!pattern.stopper.pause(Duration.ofMillis(Math.min(1_000, 100L * attempts)))) {
                return 0;
            }
            reopen(channel, current);
        }
    }

    /**
     * Opens a channel in confirm mode on the same connection for {@code channel}'s later publishes,
     * closing the one opened before it, if any. When it cannot (the connection is being lost), the
     * next attempt waits for the connection and uses the channel it had. The channel is opened on
     * the recovering connection, so that it is recovered with it: {@code channel.getConnection()}
     * is amqp-client's connection of the moment, and a channel opened there stayed closed after the
     * next loss while every publish waited for it (found by the chaos test at 10,000 tasks on the
     * RabbitMQ cluster, 2026-12-01: the task stopped publishing after the third node kill).
     */
    private void reopen(Channel channel, Channel current) {
        Channel fresh;
        try {
            fresh = pattern.recoveringConnection().createChannel();   // reopen is reached only with recovery
            if (fresh == null) {
                return;   // no channel number left: the next attempt uses the channel it had
            }
            fresh.confirmSelect();
        } catch (IOException | RuntimeException e) {
            return;
        }
        replacements.put(channel, fresh);
        if (current != channel) {
            try {
                current.abort();
            } catch (IOException | RuntimeException ignored) {
                // it goes with its connection anyway
            }
        }
    }
}
