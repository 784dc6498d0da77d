package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;

import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tracks publisher confirms on a channel in confirm mode as sets of sequence numbers, expanding
 * {@code multiple} acks and nacks, so scenarios assert on what was confirmed, not on batching.
 * Also records the order of returns and acks as events.
 */
final class Confirms implements ConfirmListener {
    private final NavigableSet<Long> outstanding = new ConcurrentSkipListSet<>();
    final NavigableSet<Long> acked = new ConcurrentSkipListSet<>();
    final NavigableSet<Long> nacked = new ConcurrentSkipListSet<>();
    /** "ack:N", "nack:N" and "return:<body>" in the order the client received them. */
    final List<String> events = new CopyOnWriteArrayList<>();

    static Confirms on(Channel channel) throws Exception {
        Confirms confirms = new Confirms();
        channel.addConfirmListener(confirms);
        channel.addReturnListener(r -> confirms.events.add("return:" + Amqp.text(r.getBody())));
        channel.confirmSelect();
        return confirms;
    }

    /** Call before publishing with the channel's next publish sequence number. */
    void published(long seqNo) {
        outstanding.add(seqNo);
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, acked, "ack:");
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, nacked, "nack:");
    }

    private void settle(long tag, boolean multiple, NavigableSet<Long> into, String event) {
        NavigableSet<Long> settled = multiple ? outstanding.headSet(tag, true) : new ConcurrentSkipListSet<>(List.of(tag));
        for (Long n : List.copyOf(settled)) {
            outstanding.remove(n);
            into.add(n);
            events.add(event + n);
        }
    }
}
