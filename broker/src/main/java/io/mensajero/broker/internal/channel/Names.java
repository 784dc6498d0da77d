package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;

/** RabbitMQ's handling of queue and exchange names given in methods. */
final class Names {
    private Names() {
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
