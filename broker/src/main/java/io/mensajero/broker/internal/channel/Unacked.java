package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueEntry;

/** A delivery awaiting ack on a channel: its tag, queue and entry, and its consumer (null for basic.get). */
record Unacked(long deliveryTag, MessageQueue queue, QueueEntry entry, ChannelConsumer consumer) {
}
