package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.QueueSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A quorum queue's delivery counting, as AMQP 0-9-1 clients see it on RabbitMQ 3.10: each time a
 * message is given back (nack or reject with requeue, a channel closed holding it) its count goes
 * up; its next delivery carries the count in the x-delivery-count header (a long; basic.get shows
 * it from the first delivery, 0, a consumer only once it is above 0). With x-delivery-limit, a
 * message given back more often than the limit is dead-lettered with reason delivery_limit (or
 * dropped). The count lives in memory: a restart starts it again.
 */
final class DeliveryCount {
    private DeliveryCount() {
    }

    static Message asDelivered(QueueEntry entry, boolean get) {
        Message m = entry.message;
        if (!get && entry.returns == 0) {
            return m;
        }
        Map<String, Object> headers = m.properties().headers() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(m.properties().headers());
        headers.put("x-delivery-count", (long) entry.returns);
        return m.withProperties(m.properties().withHeaders(headers));
    }

    /** Counts a return; whether the message is now past the queue's delivery limit. */
    static boolean returnedPastLimit(QueueEntry entry, QueueSettings settings) {
        entry.returns++;
        return settings.deliveryLimit() != null && entry.returns > settings.deliveryLimit();
    }
}
