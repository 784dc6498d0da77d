package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import java.util.ArrayList;
import java.util.List;

/** Reading a queue with basic.get, keeping body and redelivered flag as "body" or "body*". */
final class Gets {
    private Gets() {
    }

    /** "body" for a first delivery, "body*" for a redelivery. */
    static String marked(GetResponse r) {
        return Amqp.text(r.getBody()) + (r.getEnvelope().isRedeliver() ? "*" : "");
    }

    /** Reads the queue to the end with auto-ack, each body marked with * when redelivered. */
    static List<String> drainMarked(Channel channel, String queue) throws Exception {
        List<String> out = new ArrayList<>();
        for (GetResponse r; (r = channel.basicGet(queue, true)) != null; ) {
            out.add(marked(r));
        }
        return out;
    }

    /** Takes {@code n} messages without acking them and returns their delivery tags. */
    static long[] hold(Channel channel, String queue, int n) throws Exception {
        long[] tags = new long[n];
        for (int i = 0; i < n; i++) {
            tags[i] = channel.basicGet(queue, false).getEnvelope().getDeliveryTag();
        }
        return tags;
    }
}
