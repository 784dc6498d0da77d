package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.auth.Permission;
import io.mensajero.broker.internal.auth.ResourceAccess;
import io.mensajero.broker.internal.stats.ExchangeStats;
import io.mensajero.broker.internal.stats.MessageStats;
import io.mensajero.protocol.LongString;

import java.util.Collection;
import java.util.Map;

/**
 * What a user does to a vhost's exchanges, queues and bindings, with RabbitMQ's permission
 * checks in RabbitMQ's order among its other checks (so that when two things are wrong, the same
 * error comes first). AMQP methods and the management API both go through here.
 */
public final class UserOperations {
    private UserOperations() {
    }

    /** exchange.declare (not passive): configure on the exchange; read on it and write on its alternate exchange. */
    public static Exchange declareExchange(VirtualHost vhost, ResourceAccess access, String name, String type,
                                           boolean durable, boolean autoDelete, boolean internal,
                                           Map<String, Object> arguments) {
        ResourceNames.checkDeclarable(name, type);
        access.configure("exchange", name);
        if (vhost.lookupExchange(name) == null) {
            ResourceNames.checkExchangeName(name);
            String alternate = stringArgument(arguments, "alternate-exchange");
            if (alternate != null) {
                access.read("exchange", name);
                access.write("exchange", alternate);
            }
        }
        return vhost.declareExchange(name, type, durable, autoDelete, internal, arguments);
    }

    /** exchange.delete: configure on the exchange. */
    public static void deleteExchange(VirtualHost vhost, ResourceAccess access, String name, boolean ifUnused) {
        vhost.checkDeletable(name);
        access.configure("exchange", name);
        vhost.deleteExchange(name, ifUnused);
    }

    /**
     * queue.declare (not passive) of a name already checked: configure on the queue; for a new
     * queue with a dead-letter exchange, read on the queue and write on that exchange.
     */
    public static MessageQueue declareQueue(VirtualHost vhost, ResourceAccess access, String name, boolean durable,
                                            boolean exclusive, boolean autoDelete, Map<String, Object> arguments,
                                            Object connection) {
        access.configure("queue", name);
        if (vhost.lookupQueue(name) == null) {
            String deadLetter = stringArgument(arguments, "x-dead-letter-exchange");
            if (deadLetter != null) {
                access.read("queue", name);
                access.write("exchange", deadLetter);
            }
        }
        return vhost.declareQueue(name, durable, exclusive, autoDelete, arguments, connection);
    }

    /** queue.delete: configure on the queue. Returns the ready messages deleted with it. */
    public static int deleteQueue(VirtualHost vhost, ResourceAccess access, String name, boolean ifUnused,
                                  boolean ifEmpty, Object connection) {
        access.configure("queue", name);
        return vhost.deleteQueue(name, ifUnused, ifEmpty, connection);
    }

    /** queue.purge: read on the queue. */
    public static int purge(VirtualHost vhost, ResourceAccess access, String name, Object connection) {
        access.read("queue", name);
        return vhost.queueForUse(name, connection).purge();
    }

    /**
     * queue.bind and exchange.bind: write on the destination, neither end the default exchange,
     * read on the source, and the topic permission on the routing key when the source is a topic
     * exchange.
     */
    public static void bind(VirtualHost vhost, ResourceAccess access, String source, String destinationKind,
                            String destination, String routingKey, Map<String, Object> arguments,
                            Object connection) {
        checkBinding(vhost, access, source, destinationKind, destination, routingKey);
        BindingDestination d = vhost.bindingEnds(source, destinationKind, destination, connection);
        vhost.bind(source, d, routingKey, arguments);
    }

    /** queue.unbind and exchange.unbind, checked as binds are. */
    public static void unbind(VirtualHost vhost, ResourceAccess access, String source, String destinationKind,
                              String destination, String routingKey, Map<String, Object> arguments,
                              Object connection) {
        checkBinding(vhost, access, source, destinationKind, destination, routingKey);
        vhost.unbind(source, destinationKind, destination, routingKey, arguments, connection);
    }

    private static void checkBinding(VirtualHost vhost, ResourceAccess access, String source, String destinationKind,
                                     String destination, String routingKey) {
        access.write(destinationKind, destination);
        if (destinationKind.equals("exchange")) {
            ResourceNames.checkNotDefault(destination);
        }
        ResourceNames.checkNotDefault(source);
        access.read("exchange", source);
        if (vhost.lookupExchange(source) instanceof TopicExchange) {
            access.checkTopic(Permission.Kind.READ, source, routingKey);
        }
    }

    /**
     * basic.publish: write on the exchange, then it must exist and not be internal, then the
     * topic permission on the routing key for a topic exchange.
     */
    public static Exchange exchangeForPublish(VirtualHost vhost, ResourceAccess access, String name,
                                              String routingKey) {
        access.write("exchange", name);
        Exchange exchange = vhost.exchangeOrDie(name);
        if (exchange.internal()) {
            throw io.mensajero.broker.internal.AmqpException.accessRefused("cannot publish to internal %s",
                    exchange.describe());
        }
        if (exchange instanceof TopicExchange) {
            access.checkTopic(Permission.Kind.WRITE, name, routingKey);
        }
        return exchange;
    }

    /** basic.get and basic.consume: read on the queue, which must exist and be usable by this connection. */
    public static MessageQueue queueForReading(VirtualHost vhost, ResourceAccess access, String name,
                                               Object connection) {
        access.read("queue", name);
        return vhost.queueForUse(name, connection);
    }

    /**
     * Where a message went: how many queues it was routed to, the store's sync number it waits for
     * (0: not written to disk, or no fsync needed), and whether a queue refused it (x-overflow
     * reject-publish: its confirm is a nack).
     */
    public record Routed(int queues, long sync, boolean refused) {
    }

    /**
     * Enqueues a message on every queue the exchange routes it to, counting it in the exchange's
     * and the queues' stats and telling each queue's flow control who sent it (null when no
     * connection did: the management API).
     */
    public static Routed route(VirtualHost vhost, Exchange exchange, Message message, QueueFlow.Sender sender) {
        Collection<MessageQueue> queues = vhost.route(exchange, message);
        long sync = 0;
        boolean refused = false;
        for (MessageQueue q : queues) {
            long taken = q.enqueue(message);
            refused |= taken == MessageQueue.REFUSED;
            sync = Math.max(sync, taken);
            q.stats().inc(MessageStats.PUBLISH);
            if (sender != null) {
                q.flow().sent(sender);
            }
        }
        exchange.stats().add(ExchangeStats.PUBLISH_OUT, queues.size());
        return new Routed(queues.size(), sync, refused);
    }

    private static String stringArgument(Map<String, Object> arguments, String key) {
        if (arguments == null) {
            return null;
        }
        Object v = arguments.get(key);
        if (v instanceof LongString ls) {
            return ls.toString();
        }
        return v instanceof String s ? s : null;
    }
}
