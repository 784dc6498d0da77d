package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;

import java.security.SecureRandom;
import java.util.Base64;

/** RabbitMQ's handling of queue and exchange names given in methods. */
final class Names {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Names() {
    }

    /**
     * A name the broker chooses, as RabbitMQ makes them: the prefix, a dash, then 16 random
     * octets in URL-safe base64 ({@code amq.gen-...} for queues, {@code amq.ctag-...} for consumers).
     */
    static String generated(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RabbitMQ strips CR and LF from names in declares, deletes and bindings. */
    static String strip(String name) {
        return name.indexOf('\r') < 0 && name.indexOf('\n') < 0 ? name : name.replace("\r", "").replace("\n", "");
    }

    /** An empty queue name means the queue most recently declared on the channel. */
    static String queue(AmqpChannel ch, String name) {
        if (!name.isEmpty()) {
            return name;
        }
        if (ch.mostRecentQueue.isEmpty()) {
            throw AmqpException.notFound("no previously declared queue");
        }
        return ch.mostRecentQueue;
    }
}
