package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * One scenario's connection and channel to the broker, plus the queues and exchanges it
 * declared: closing it deletes them (on a fresh connection, since the scenario's channel may
 * have been closed by an error) and closes every connection it opened.
 */
final class Session implements AutoCloseable {
    final BrokerUnderTest broker;
    final Connection connection;
    final Channel channel;
    private final List<Connection> connections = new ArrayList<>();
    private final Set<String> queues = new LinkedHashSet<>();
    private final Set<String> exchanges = new LinkedHashSet<>();
    private Channel publisher;

    private Session(BrokerUnderTest broker) throws Exception {
        this.broker = broker;
        this.connection = newConnection();
        this.channel = connection.createChannel();
    }

    static Session open(BrokerUnderTest broker) throws Exception {
        return new Session(broker);
    }

    /** Another connection, closed with the session. */
    Connection newConnection() throws Exception {
        Connection c = broker.newConnection();
        connections.add(c);
        return c;
    }

    Channel newChannel() throws Exception {
        return connection.createChannel();
    }

    /** A unique queue name, deleted at the end (the scenario declares it). */
    String queueName(String prefix) {
        String name = Names.unique(prefix);
        queues.add(name);
        return name;
    }

    /** A queue the broker named, deleted at the end. */
    String track(String queue) {
        queues.add(queue);
        return queue;
    }

    /** A unique exchange name, deleted at the end (the scenario declares it). */
    String exchangeName(String prefix) {
        String name = Names.unique(prefix);
        exchanges.add(name);
        return name;
    }

    /** Declares a plain (non-durable, non-exclusive, non-auto-delete) queue with a unique name. */
    String queue() throws Exception {
        String name = queueName("q");
        channel.queueDeclare(name, false, false, false, null);
        return name;
    }

    /** Declares a non-durable, non-auto-delete exchange of the type with a unique name. */
    String exchange(String type) throws Exception {
        String name = exchangeName(type);
        channel.exchangeDeclare(name, type, false, false, null);
        return name;
    }

    /** Publishes each body to the exchange with publisher confirms, so they are enqueued on return. */
    void publish(String exchange, String routingKey, AMQP.BasicProperties props, String... bodies) throws Exception {
        Channel p = publisher();
        for (String body : bodies) {
            p.basicPublish(exchange, routingKey, props, Amqp.bytes(body));
        }
        p.waitForConfirmsOrDie(Amqp.PATIENCE.toMillis());
    }

    /** Publishes each body to the queue through the default exchange, confirmed. */
    void send(String queue, String... bodies) throws Exception {
        publish("", queue, null, bodies);
    }

    void publishWithHeaders(String exchange, Map<String, Object> headers, String body) throws Exception {
        publish(exchange, "", new AMQP.BasicProperties.Builder().headers(headers).build(), body);
    }

    /** Reads the queue to the end with basic.get (auto-ack), returning the bodies in order. */
    List<String> getAll(String queue) throws Exception {
        Channel ch = publisher();
        List<String> bodies = new ArrayList<>();
        for (GetResponse r; (r = ch.basicGet(queue, true)) != null; ) {
            bodies.add(Amqp.text(r.getBody()));
        }
        return bodies;
    }

    /** The ready-message count, read with a passive declare on a fresh channel. */
    int messageCount(String queue) throws Exception {
        return passive(queue).getMessageCount();
    }

    /**
     * Waits until the queue holds at least {@code ready} ready messages. A channel or connection
     * that closed gives its unacked messages back asynchronously on RabbitMQ (the queue hears of
     * the closed channel after close-ok), so a scenario waits for them before reading the queue.
     */
    void awaitReady(String queue, int ready) {
        await("queue " + queue + " to hold " + ready + " ready message(s)").atMost(Amqp.PATIENCE)
                .pollInterval(java.time.Duration.ofMillis(20)).until(() -> messageCount(queue) >= ready);
    }

    AMQP.Queue.DeclareOk passive(String queue) throws Exception {
        Channel ch = connection.createChannel();
        try {
            return ch.queueDeclarePassive(queue);
        } finally {
            ch.close();
        }
    }

    /** Whether the queue exists, asked with a passive declare on a fresh channel. */
    boolean queueExists(String queue) throws Exception {
        return exists(ch -> ch.queueDeclarePassive(queue));
    }

    boolean exchangeExists(String exchange) throws Exception {
        return exists(ch -> ch.exchangeDeclarePassive(exchange));
    }

    private interface ChannelOp {
        void apply(Channel ch) throws Exception;
    }

    private boolean exists(ChannelOp op) throws Exception {
        Channel ch = connection.createChannel();
        try {
            op.apply(ch);
            ch.close();
            return true;
        } catch (java.io.IOException e) {
            Amqp.Failure f = Amqp.failureOf(ch.getCloseReason());
            if (f.replyCode() != AMQP.NOT_FOUND) {
                throw new AssertionError("expected exists or 404, got " + f, e);
            }
            return false;
        }
    }

    private Channel publisher() throws Exception {
        if (publisher == null || !publisher.isOpen()) {
            publisher = connection.createChannel();
            publisher.confirmSelect();
        }
        return publisher;
    }

    @Override
    public void close() throws Exception {
        for (Connection c : connections) {
            if (c.isOpen()) {
                c.abort(2_000);
            }
        }
        try (Connection cleaner = broker.newConnection()) {
            Channel ch = cleaner.createChannel();
            for (String q : queues) {
                ch = deleting(cleaner, ch, c -> c.queueDelete(q));
            }
            for (String x : exchanges) {
                ch = deleting(cleaner, ch, c -> c.exchangeDelete(x));
            }
        }
    }

    private static Channel deleting(Connection cleaner, Channel ch, ChannelOp op) throws Exception {
        try {
            op.apply(ch);
            return ch;
        } catch (java.io.IOException e) {
            return cleaner.createChannel();
        }
    }
}
