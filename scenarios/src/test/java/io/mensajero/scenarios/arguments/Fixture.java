package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.PolicyControl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * One scenario's connection to the broker, the queues, exchanges and policies it made (deleted
 * at the end, on a fresh connection), and the few things the argument scenarios do again and
 * again: declare with arguments, publish confirmed, read a queue, wait for a depth.
 */
final class Fixture implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final BrokerUnderTest broker;
    final Connection connection;
    final Channel channel;
    final PolicyControl policies;
    private final Set<String> queues = new LinkedHashSet<>();
    private final Set<String> exchanges = new LinkedHashSet<>();
    private final List<Connection> connections = new ArrayList<>();
    private Channel publisher;

    private Fixture(BrokerUnderTest broker) throws Exception {
        this.broker = broker;
        this.connection = broker.newConnection();
        this.channel = connection.createChannel();
        this.policies = new PolicyControl(broker);
    }

    static Fixture open(BrokerUnderTest broker) throws Exception {
        return new Fixture(broker);
    }

    /** Arguments as a field table, in the order given. */
    static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A unique queue name, deleted at the end. */
    String name(String prefix) {
        String n = Names.unique(prefix);
        queues.add(n);
        return n;
    }

    /** A queue this scenario names itself, deleted at the end. */
    void trackQueue(String name) {
        queues.add(name);
    }

    void trackExchange(String name) {
        exchanges.add(name);
    }

    /** A unique exchange name, deleted at the end. */
    String exchangeName(String prefix) {
        String n = Names.unique(prefix);
        exchanges.add(n);
        return n;
    }

    /** Declares a non-durable queue with a unique name and these arguments. */
    String queue(Map<String, Object> arguments) throws IOException {
        String q = name("argq");
        channel.queueDeclare(q, false, false, false, arguments);
        return q;
    }

    /** Declares a durable queue (quorum queues must be) with a unique name and these arguments. */
    String durableQueue(Map<String, Object> arguments) throws IOException {
        String q = name("argq");
        channel.queueDeclare(q, true, false, false, arguments);
        return q;
    }

    String quorumQueue(Object... moreArguments) throws IOException {
        Map<String, Object> a = args(moreArguments);
        a.put("x-queue-type", "quorum");
        return durableQueue(a);
    }

    String exchange(String type, Map<String, Object> arguments) throws IOException {
        String x = exchangeName(type);
        channel.exchangeDeclare(x, type, false, false, arguments);
        return x;
    }

    void bind(String queue, String exchange, String key) throws IOException {
        channel.queueBind(queue, exchange, key);
    }

    /** How the broker closes a fresh channel (or the connection) on which op runs. */
    Amqp.Failure failure(ChannelOp op) throws IOException {
        Channel ch = connection.createChannel();
        return Amqp.failure(ch, () -> op.run(ch));
    }

    /** Runs op on a fresh channel of a fresh connection, for operations that may close the connection. */
    Amqp.Failure failureOnOwnConnection(ChannelOp op) throws Exception {
        Connection c = newConnection();
        Channel ch = c.createChannel();
        return Amqp.failure(ch, () -> op.run(ch));
    }

    interface ChannelOp {
        void run(Channel ch) throws Exception;
    }

    Connection newConnection() throws Exception {
        Connection c = broker.newConnection();
        connections.add(c);
        return c;
    }

    /** Publishes each body with confirms; every one must be acked. */
    void publish(String exchange, String routingKey, AMQP.BasicProperties props, String... bodies) throws Exception {
        Channel p = publisher();
        for (String body : bodies) {
            p.basicPublish(exchange, routingKey, props, bytes(body));
        }
        p.waitForConfirmsOrDie(PATIENCE.toMillis());
    }

    void send(String queue, String... bodies) throws Exception {
        publish("", queue, null, bodies);
    }

    /** Publishes one message and says whether the broker confirmed it (ack) or refused it (nack). */
    boolean publishAcked(String exchange, String routingKey, AMQP.BasicProperties props, String body)
            throws Exception {
        Channel p = publisher();
        p.basicPublish(exchange, routingKey, props, bytes(body));
        return p.waitForConfirms(PATIENCE.toMillis());
    }

    /** basic.get with ack, or null when the queue is empty. */
    GetResponse get(String queue) throws IOException {
        return channel.basicGet(queue, true);
    }

    /** Waits until the queue has a message and takes it (basic.get, acked). */
    GetResponse awaitGet(String queue) {
        GetResponse[] got = new GetResponse[1];
        await("a message in " + queue).atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> (got[0] = get(queue)) != null);
        return got[0];
    }

    /** Waits until the queue has a message and takes it unacked (basic.get on the fixture's channel). */
    GetResponse awaitGetNoAck(String queue) {
        return awaitGetNoAckOn(channel, queue);
    }

    GetResponse awaitGetNoAckOn(Channel on, String queue) {
        GetResponse[] got = new GetResponse[1];
        await("a message in " + queue).atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> (got[0] = on.basicGet(queue, false)) != null);
        return got[0];
    }

    /** Reads the queue to the end with basic.get (acked): the bodies in order. */
    List<String> drain(String queue) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (GetResponse r; (r = get(queue)) != null; ) {
            bodies.add(text(r.getBody()));
        }
        return bodies;
    }

    int ready(String queue) throws Exception {
        Channel ch = connection.createChannel();
        try {
            return ch.queueDeclarePassive(queue).getMessageCount();
        } finally {
            ch.close();
        }
    }

    void awaitReady(String queue, int count) {
        await(queue + " to hold " + count + " ready message(s)").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20)).until(() -> ready(queue) == count);
    }

    boolean queueExists(String queue) throws Exception {
        Channel ch = connection.createChannel();
        try {
            ch.queueDeclarePassive(queue);
            ch.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A policy on vhost "/" (its name unique), cleared at the end. */
    String policy(String pattern, Map<String, Object> definition, int priority, String applyTo) {
        String name = Names.unique("argp");
        policies.policy(name, pattern, definition, priority, applyTo);
        return name;
    }

    String operatorPolicy(String pattern, Map<String, Object> definition, int priority, String applyTo) {
        String name = Names.unique("argop");
        policies.operatorPolicy(name, pattern, definition, priority, applyTo);
        return name;
    }

    private Channel publisher() throws IOException {
        if (publisher == null || !publisher.isOpen()) {
            publisher = connection.createChannel();
            publisher.confirmSelect();
        }
        return publisher;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            policies.close();
        } finally {
            for (Connection c : connections) {
                if (c.isOpen()) {
                    c.abort(2_000);
                }
            }
            if (connection.isOpen()) {
                connection.abort(2_000);
            }
            try (Connection cleaner = broker.newConnection()) {
                for (String q : queues) {
                    Channel ch = cleaner.createChannel();
                    ch.queueDelete(q);
                    ch.close();
                }
                for (String x : exchanges) {
                    Channel ch = cleaner.createChannel();
                    ch.exchangeDelete(x);
                    ch.close();
                }
            }
        }
    }
}
