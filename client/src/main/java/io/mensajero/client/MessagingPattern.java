package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.ConnectionWatch;
import io.mensajero.client.internal.Failures;
import io.mensajero.client.internal.QuietExceptionHandler;
import io.mensajero.client.internal.Stopper;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One of the course's messaging patterns (producer, receiver, worker, publisher, subscriber,
 * staged producer). {@link #run()} blocks until the pattern is done or stopped and reports what
 * happens as {@link Event}s to the listener; {@link #stop(String)} may be called from any thread.
 *
 * <p>Failures are thrown as {@link MensajeroException}s whose {@link Failure} says what went
 * wrong (unreachable broker, authentication, vhost, a refused operation).
 *
 * <p>When the settings {@linkplain ConnectionSettings#recovers() recover} a lost connection, the
 * pattern reports {@code connection-lost} and {@code reconnected}, waits for the connection
 * instead of failing, and sends again what the broker had not confirmed when it was lost.
 */
public abstract class MessagingPattern {
    private final ConnectionSettings settings;
    private final String name;
    private final Consumer<Event> listener;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Object lifecycle = new Object();
    final Stopper stopper = new Stopper();
    private final AtomicReference<MensajeroException> recoveryFailure = new AtomicReference<>();
    private volatile ConnectionWatch watch;
    private int resent;
    private final ConfirmedPublish confirmedPublish = new ConfirmedPublish(this);
    private final StartUp startUp = new StartUp(this);

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
            if (watch != null) {
                summary.put("reconnections", watch.recoveries());
                summary.put("resent", resent);
            }
            synchronized (lifecycle) {
                finished.set(true);
                summary.put("reason", stopper.stopped() ? stopper.reason() : "done");
                Event event = new Event(EventType.SUMMARY, name, System.currentTimeMillis(), summary);
                listener.accept(event);
                return event;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MensajeroException(Failure.INTERNAL, Text.of("error.interrupted", name), e);
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
        return correlationId == null ? namesAndValues : append(namesAndValues, "correlationId", correlationId);
    }

    /** The fields, plus {@code attempts} when the message had to be sent more than once. */
    static Object[] withAttempts(int attempts, Object... namesAndValues) {
        return attempts > 1 ? append(namesAndValues, "attempts", attempts) : namesAndValues;
    }

    /** The fields plus one more. */
    static Object[] append(Object[] namesAndValues, String name, Object value) {
        Object[] all = Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        all[namesAndValues.length] = name;
        all[namesAndValues.length + 1] = value;
        return all;
    }

    /**
     * Connects; with recovery, also follows the connection ({@code connection-lost},
     * {@code reconnected}). {@code connected} names the address the connection went to.
     */
    final Connection open() throws InterruptedException {
        QuietExceptionHandler handler = new QuietExceptionHandler(e -> recoveryFailure.compareAndSet(null,
                Failures.during(Text.of("op.redeclare"), settings, e)));
        Connection connection;
        while (true) {
            try {
                connection = settings.connect("mensajero " + name, handler);
                break;
            } catch (MensajeroException e) {
                if (!startUp.retry(e, true)) {
                    throw e;
                }
            }
        }
        if (settings.recovers()) {
            watch = new ConnectionWatch(connection, stopper, new ConnectionWatch.Listener() {
                @Override
                public void lost(InetAddress address, int port, Text reason) {
                    emit(EventType.CONNECTION_LOST, "host", settings.hostOf(address, port), "port", port,
                            "reason", reason);
                }

                @Override
                public void reconnected(InetAddress address, int port, int localPort, long downMs) {
                    emit(EventType.RECONNECTED, "host", settings.hostOf(address, port), "port", port,
                            "localPort", localPort, "downMs", downMs, "reconnections", watch.recoveries());
                }
            });
        }
        emit(EventType.CONNECTED, "host", settings.hostOf(connection.getAddress(), connection.getPort()),
                "port", connection.getPort(), "vhost", settings.virtualHost(), "user", settings.username(),
                "localPort", ConnectionWatch.localPort(connection));
        return connection;
    }

    /** True when a lost connection is recovered rather than ending the run. */
    final boolean recovering() {
        return watch != null;
    }

    /** With recovery, the recovering connection (channels opened on it are recovered with it); else null. */
    final Connection recoveringConnection() {
        return watch == null ? null : watch.connection();
    }

    /** The connection now, as a loss count: what deliveries and publishes are stamped with. */
    final long connectionNow() {
        return watch == null ? 0 : watch.losses();
    }

    /** True when the connection stamped {@code connection} was lost since. */
    final boolean lostSince(long connection) {
        return watch != null && watch.lostSince(connection);
    }

    /** Throws when amqp-client reconnected but could not redeclare what the pattern had declared. */
    final void checkRecovery() {
        MensajeroException failure = recoveryFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** With recovery: waits until the connection is up. False when stopped meanwhile. */
    final boolean awaitConnection() throws InterruptedException {
        checkRecovery();
        boolean up = watch == null || watch.awaitUp();
        checkRecovery();
        return up;
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
    final <T> T amqp(Text what, Operation<T> operation) throws InterruptedException {
        while (true) {
            try {
                return operation.call();
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (!startUp.retry(e, false)) {
                    throw Failures.during(what, settings, e);
                }
            }
        }
    }

    /** The pattern consumes or publishes: a lost connection no longer makes it retry a step (see {@link StartUp}). */
    final void startedUp() {
        startUp.done();
    }

    final void declareQueue(Channel channel, String queue, boolean durable) throws InterruptedException {
        declareQueue(channel, queue, durable, (QueueType) null);
    }

    /** Declares a queue; {@code queueType} (classic, quorum) sets {@code x-queue-type}, null leaves it to the broker. */
    final void declareQueue(Channel channel, String queue, boolean durable, QueueType queueType)
            throws InterruptedException {
        declareQueue(Text.of("op.declareQueue", queue), channel, queue, durable, false, queueType);
    }

    /** Declares a queue with arguments (x-dead-letter-exchange, ...); they are shown in the event. */
    final void declareQueue(Channel channel, String queue, boolean durable, Map<String, Object> arguments)
            throws InterruptedException {
        AMQP.Queue.DeclareOk ok = amqp(Text.of("op.declareQueue", queue),
                () -> channel.queueDeclare(queue, durable, false, false, arguments));
        emit(EventType.DECLARED, "queue", ok.getQueue(), "durable", durable, "exclusive", false,
                "messages", ok.getMessageCount(), "consumers", ok.getConsumerCount(), "arguments", arguments);
    }

    /** Declares an exclusive, non-durable queue whose name the broker chooses; returns the name. */
    final String declareServerNamedQueue(Channel channel) throws InterruptedException {
        return declareQueue(Text.of("op.declareServerNamedQueue"), channel, "", false, true, null);
    }

    private String declareQueue(Text what, Channel channel, String queue, boolean durable, boolean exclusive,
                                QueueType queueType) throws InterruptedException {
        Map<String, Object> arguments = queueType == null ? null : Map.of("x-queue-type", queueType.wireName());
        AMQP.Queue.DeclareOk ok = amqp(what, () -> channel.queueDeclare(queue, durable, exclusive, false, arguments));
        Object[] fields = {"queue", ok.getQueue(), "durable", durable, "exclusive", exclusive,
                "messages", ok.getMessageCount(), "consumers", ok.getConsumerCount()};
        emit(EventType.DECLARED, queueType == null ? fields : append(fields, "queueType", queueType.wireName()));
        return ok.getQueue();
    }

    final void declareExchange(Channel channel, String exchange, ExchangeType type, boolean durable)
            throws InterruptedException {
        amqp(Text.of("op.declareExchange", exchange, type.wireName()),
                () -> channel.exchangeDeclare(exchange, type.wireName(), durable, false, null));
        emit(EventType.DECLARED, "exchange", exchange, "exchangeType", type.wireName(), "durable", durable);
    }

    /**
     * Publishes and waits for the broker's confirm, so "sent" means the broker has it; with
     * recovery, sends it again until it is confirmed (see {@link ConfirmedPublish}). Returns how
     * many times it was sent, or 0 when the pattern was stopped before it was confirmed.
     */
    final int publishConfirmed(Channel channel, String exchange, String routingKey,
                               AMQP.BasicProperties properties, byte[] body, long seq) throws InterruptedException {
        startedUp();
        int attempts = confirmedPublish.send(channel, exchange, routingKey, properties, body, seq);
        if (attempts > 1) {
            resent++;
        }
        return attempts;
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
            throw MensajeroException.usage(Text.of("error.rate", rate));
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
