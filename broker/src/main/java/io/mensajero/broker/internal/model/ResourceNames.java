package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.AmqpException;

/**
 * RabbitMQ's rules for the names of exchanges and queues, checked before anything else (and
 * before the permission check): the default exchange cannot be declared, deleted or bound, and a
 * name a client chooses may not start with the reserved prefix {@code amq.} (403 ACCESS_REFUSED).
 */
public final class ResourceNames {
    private ResourceNames() {
    }

    /**
     * The checks RabbitMQ makes on an exchange.declare before the permission check: a known type,
     * not the default exchange.
     */
    public static void checkDeclarable(String exchangeName, String type) {
        ExchangeTypes.check(type);
        checkNotDefault(exchangeName);
    }

    /** A name an exchange may be created with: not the reserved prefix amq. (403). */
    public static void checkExchangeName(String exchangeName) {
        checkName("exchange", exchangeName);
    }

    /** A queue name a client chose may not start with the reserved prefix amq. (403). */
    public static void checkQueueName(String queueName) {
        checkName("queue", queueName);
    }

    /** The default exchange ("") cannot be declared, deleted, bound or unbound. */
    public static void checkNotDefault(String exchangeName) {
        if (exchangeName.isEmpty()) {
            throw AmqpException.accessRefused("operation not permitted on the default exchange");
        }
    }

    private static void checkName(String kind, String resourceName) {
        if (resourceName.startsWith("amq.")) {
            throw AmqpException.accessRefused("%s name '%s' contains reserved prefix 'amq.*'", kind, resourceName);
        }
    }
}
