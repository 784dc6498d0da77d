package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Failures;
import io.mensajero.client.internal.Stopper;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One of the course's messaging patterns (producer, receiver, worker, publisher, subscriber,
 * staged producer). {@link #run()} blocks until the pattern is done or stopped and reports what
 * happens as {@link Event}s to the listener; {@link #stop(String)} may be called from any thread.
 *
 * <p>Failures are thrown as {@link MensajeroException}s whose {@link Failure} says what went
 * wrong (unreachable broker, authentication, vhost, a refused operation).
 */
public abstract class MessagingPattern {
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionSettings settings;
    private final String name;
    private final Consumer<Event> listener;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Object lifecycle = new Object();
    final Stopper stopper = new Stopper();

    MessagingPattern(Builder<?> builder, String defaultName) {
        this.settings = builder.settings == null ? ConnectionSettings.defaults() : builder.settings;
        this.name = builder.name == null ? defaultName : builder.name;
        this.listener = builder.listener == null ? event -> { } : builder.listener;
    }

    /** The participant's name, used in every event. */
    public final String name() {
        return name;
    }

    public final ConnectionSettings settings() {
        return settings;
    }

    /**
     * Connects, does the pattern's work until it is done or stopped, closes the connection and
     * returns the summary event (which the listener also receives). Runs once.
     *
     * @throws MensajeroException when the broker cannot be reached or refuses something
     */
    public final Event run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(name + " has already run");
        }
        try {
            Map<String, Object> summary = new LinkedHashMap<>(execute());
            synchronized (lifecycle) {
                finished.set(true);
                summary.put("reason", stopper.stopped() ? stopper.reason() : "done");
                Event event = new Event(EventType.SUMMARY, name, System.currentTimeMillis(), summary);
                listener.accept(event);
                return event;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MensajeroException(Failure.INTERNAL, name + " was interrupted", e);
        } finally {
            finished.set(true);
        }
    }

    /** Asks a running pattern to stop at its next safe point; thread-safe and idempotent. */
    public final void stop() {
        stop("stop");
    }

    /**
     * Asks the pattern to stop, giving the reason (e.g. {@code SIGINT}), reported in the
     * {@code stopping} event and the summary. Producers never leave a message half-sent.
     */
    public final void stop(String reason) {
        synchronized (lifecycle) {
            // Under the lock, so "stopping" never follows "summary".
            if (stopper.stop(reason) && started.get() && !finished.get()) {
                emit(EventType.STOPPING, "reason", reason);
            }
        }
    }

    /** True once a stop was requested. */
    public final boolean stopRequested() {
        return stopper.stopped();
    }

    /** The pattern's work; returns the summary's fields. */
    abstract Map<String, Object> execute() throws InterruptedException;

    final void emit(EventType type, Object... namesAndValues) {
        listener.accept(Event.of(type, name, namesAndValues));
    }

    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** The fields, plus {@code correlationId} when the message carries one. */
    static Object[] withCorrelation(String correlationId, Object... namesAndValues) {
        if (correlationId == null) {
            return namesAndValues;
        }
        Object[] all = Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        all[namesAndValues.length] = "correlationId";
        all[namesAndValues.length + 1] = correlationId;
        return all;
    }

    final Connection open() {
        Connection connection = settings.connect("mensajero " + name);
        emit(EventType.CONNECTED, "host", settings.host(), "port", settings.port(),
                "vhost", settings.virtualHost(), "user", settings.username());
        return connection;
    }

    /** Closes cleanly (connection.close handshake), or aborts if that fails. */
    static void close(Connection connection) {
        if (connection == null || !connection.isOpen()) {
            return;
        }
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            connection.abort(1_000);
        }
    }

    /** An AMQP operation that may fail. */
    @FunctionalInterface
    interface Operation<T> {
        T call() throws IOException, TimeoutException, InterruptedException;
    }

    /** Runs an operation, turning failures into a one-line {@link MensajeroException}. */
    final <T> T amqp(String what, Operation<T> operation) throws InterruptedException {
        try {
            return operation.call();
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw Failures.during(what, settings, e);
        }
    }

    final void declareQueue(Channel channel, String queue, boolean durable) throws InterruptedException {
        declareQueue("declare queue '" + queue + "'", channel, queue, durable, false);
    }

    /** Declares a queue with arguments (x-dead-letter-exchange, ...); they are shown in the event. */
    final void declareQueue(Channel channel, String queue, boolean durable, Map<String, Object> arguments)
            throws InterruptedException {
        AMQP.Queue.DeclareOk ok = amqp("declare queue '" + queue + "'",
                () -> channel.queueDeclare(queue, durable, false, false, arguments));
        emit(EventType.DECLARED, "queue", ok.getQueue(), "durable", durable, "exclusive", false,
                "messages", ok.getMessageCount(), "consumers", ok.getConsumerCount(), "arguments", arguments);
    }

    /** Declares an exclusive, non-durable queue whose name the broker chooses; returns the name. */
    final String declareServerNamedQueue(Channel channel) throws InterruptedException {
        return declareQueue("declare a server-named exclusive queue", channel, "", false, true);
    }

    private String declareQueue(String what, Channel channel, String queue, boolean durable, boolean exclusive)
            throws InterruptedException {
        AMQP.Queue.DeclareOk ok = amqp(what, () -> channel.queueDeclare(queue, durable, exclusive, false, null));
        emit(EventType.DECLARED, "queue", ok.getQueue(), "durable", durable, "exclusive", exclusive,
                "messages", ok.getMessageCount(), "consumers", ok.getConsumerCount());
        return ok.getQueue();
    }

    final void declareExchange(Channel channel, String exchange, ExchangeType type, boolean durable)
            throws InterruptedException {
        amqp("declare exchange '" + exchange + "' of type " + type.wireName(),
                () -> channel.exchangeDeclare(exchange, type.wireName(), durable, false, null));
        emit(EventType.DECLARED, "exchange", exchange, "exchangeType", type.wireName(), "durable", durable);
    }

    /** Publishes and waits for the broker's confirm, so "sent" means the broker has it. */
    final void publishConfirmed(Channel channel, String exchange, String routingKey,
                                AMQP.BasicProperties properties, byte[] body, long seq) throws InterruptedException {
        String where = exchange.isEmpty() ? "queue '" + routingKey + "'" : "exchange '" + exchange + "'";
        amqp("publish message #" + seq + " to " + where, () -> {
            channel.basicPublish(exchange, routingKey, properties, body);
            return null;
        });
        boolean acked = amqp("confirm message #" + seq,
                () -> channel.waitForConfirms(CONFIRM_TIMEOUT.toMillis()));
        if (!acked) {
            throw new MensajeroException(Failure.BROKER_REFUSED,
                    "the broker rejected (nack) message #" + seq + " to " + where);
        }
    }

    /**
     * Waits for message {@code n}'s turn when sending {@code rate} messages a second (0: no
     * limit), counting from {@code startNanos}. Returns false when stopped meanwhile.
     */
    final boolean pace(long startNanos, long n, double rate) throws InterruptedException {
        if (rate <= 0 || n <= 1) {
            return !stopper.stopped();
        }
        long due = startNanos + (long) ((n - 1) * 1_000_000_000L / rate);
        return stopper.pause(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
    }

    static double positiveRate(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw MensajeroException.usage("the rate must be a positive number of messages per second (was "
                    + rate + ")");
        }
        return rate;
    }

    /** The correlation_id property, or null. */
    static String correlationId(AMQP.BasicProperties properties) {
        return properties == null ? null : properties.getCorrelationId();
    }

    /** delivery_mode 2. */
    static boolean persistent(AMQP.BasicProperties properties) {
        return properties != null && Integer.valueOf(2).equals(properties.getDeliveryMode());
    }

    /** Settings shared by every pattern's builder. */
    public abstract static class Builder<B extends Builder<B>> {
        ConnectionSettings settings;
        String name;
        Consumer<Event> listener;

        Builder() {
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /** Where to connect; default {@link ConnectionSettings#DEFAULT_URI}. */
        public final B settings(ConnectionSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return self();
        }

        /** Shorthand for {@code settings(ConnectionSettings.fromUri(uri))}. */
        public final B uri(String uri) {
            return settings(ConnectionSettings.fromUri(uri));
        }

        /** The participant's name in events (default: the pattern's command name). */
        public final B name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return self();
        }

        /** Receives every event, possibly from more than one thread (stop requests). */
        public final B listener(Consumer<Event> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return self();
        }

        static int notNegative(String what, int value) {
            if (value < 0) {
                throw MensajeroException.usage(what + " must not be negative (was " + value + ")");
            }
            return value;
        }

        static Duration notNegative(String what, Duration value) {
            if (value == null || value.isNegative()) {
                throw MensajeroException.usage(what + " must not be negative (was " + value + ")");
            }
            return value;
        }
    }
}
