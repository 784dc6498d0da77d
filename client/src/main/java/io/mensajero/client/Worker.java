package io.mensajero.client;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Bodies;
import io.mensajero.client.internal.FailureSimulation;
import io.mensajero.client.internal.Failures;
import io.mensajero.client.internal.Inbox;
import io.mensajero.client.internal.Failures;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The course's consumer-v2.py plus the group work's delay before the ack: declares the durable
 * {@code task_queue}, sets {@code basic.qos(prefetch)}, consumes with manual acknowledgement and
 * for each delivery works for (dots in the body x {@code dotDuration}) + {@code ackDelay}, then acks.
 *
 * <p>When stopped during the work, the delivery is left unacknowledged: closing the connection
 * gives it back to the queue, and the broker redelivers it (redelivered=true). With
 * {@link Builder#autoAck(boolean) autoAck} the broker forgets a message as soon as it sends it,
 * so whatever a stopped or killed worker held is lost.
 *
 * <p>With {@link Builder#forwardTo(String) forwardTo} the worker is one stage of a pipeline: after
 * the work it publishes the message (same body and properties, so the same correlation_id) to the
 * next queue, waits for the broker's confirm, and only then acks. A worker stopped before that
 * forwards nothing and leaves the delivery to be redelivered.
 *
 * <p>Failures can be simulated ({@link Builder#failOn}, {@link Builder#failRate},
 * {@link Builder#crashOn}); a failed delivery is given back to the queue, or, with
 * {@link Builder#maxAttempts}, retried that many times and then dead-lettered by the broker
 * (see {@link Attempts}).
 *
 * <p>{@code acked} is reported just before the ack leaves, so that a worker killed at any moment
 * never hides work it did: if the ack does not reach the broker (the worker dies, the connection
 * drops), the broker redelivers the message and it shows up twice, never not at all. With
 * recovery (several addresses, or asked for), a delivery whose connection is lost is
 * {@code abandoned} at once, even in the middle of its work: the broker has put it back in the
 * queue, and delivers it again, marked redelivered, to this worker once it has reconnected or to
 * another.
 */
public final class Worker extends ConsumingPattern {
    /** The exit code of a simulated crash ({@link Builder#crashOn}). */
    public static final int CRASH_EXIT_CODE = 70;

    private final String queue;
    private final boolean durable;
    private final int prefetch;
    private final Duration ackDelay;
    private final Duration dotDuration;
    private final boolean autoAck;
    private final String forwardTo;
    private final FailureSimulation failures;
    private final Attempts attempts;
    private final Runnable crash;
    private final QueueType queueType;
    private int received;
    private int failed;
    private int deadLettered;
    private int forwarded;
    private int finished;
    private int unfinished;
    private int abandoned;

    private Worker(Builder builder) {
        super(builder, "work");
        this.queue = builder.queue;
        this.durable = builder.durable;
        this.prefetch = builder.prefetch;
        this.ackDelay = builder.ackDelay;
        this.dotDuration = builder.dotDuration;
        this.autoAck = builder.autoAck;
        this.forwardTo = builder.forwardTo;
        this.failures = new FailureSimulation(builder.failOn, builder.crashOn, builder.failRate, builder.random);
        this.attempts = builder.maxAttempts == 0 ? null : new Attempts(this, queue, durable,
                builder.queueType == QueueType.QUORUM,
                builder.maxAttempts, builder.deadLetterQueue == null ? queue + ".dead" : builder.deadLetterQueue,
                builder.retryQueue == null ? queue + ".retry" : builder.retryQueue, builder.retryDelay);
        this.crash = builder.crash;
        this.queueType = builder.queueType;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        Connection connection = open();
        // Without recovery, a worker waiting out its ack delay hears of a dead broker at once, not when it acks.
        connection.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication() && !recovering()) {
                stopper.connectionLost(cause);
            }
        });
        try {
            Channel channel = amqp(Text.of("op.openChannel"), connection::createChannel);
            if (attempts != null) {
                attempts.declare(channel);
            } else {
                declareQueue(channel, queue, durable, queueType);
            }
            if (forwardTo != null) {
                declareQueue(channel, forwardTo, durable, queueType);
                amqp(Text.of("op.confirmSelect"), channel::confirmSelect);
            }
            if (prefetch > 0) {
                amqp(Text.of("op.prefetch", prefetch), () -> {
                    channel.basicQos(prefetch);
                    return null;
                });
            }
            consume(channel, queue, autoAck, delivery -> handle(channel, delivery), "prefetch", prefetch);
        } finally {
            close(connection);
        }
        Map<String, Object> summary = autoAck
                ? fields("queue", queue, "received", received, "done", finished, "lost", unfinished)
                : fields("queue", queue, "received", received, "acked", finished, "unacked", unfinished);
        if (forwardTo != null) {
            summary.put("forwardTo", forwardTo);
            summary.put("forwarded", forwarded);
        }
        if (failures.isActive() || attempts != null) {
            summary.put("failed", failed);
        }
        if (attempts != null) {
            summary.put("deadLettered", deadLettered);
        }
        if (recovering() && !autoAck) {
            summary.put("abandoned", abandoned);
        }
        return summary;
    }

    private boolean handle(Channel channel, io.mensajero.client.internal.Inbox.Item delivery)
            throws InterruptedException {
        long tag = delivery.envelope().getDeliveryTag();
        String body = Bodies.text(delivery.body());
        Duration work = Bodies.workTime(body, dotDuration);
        int seq = ++received;
        String correlationId = correlationId(delivery.properties());
        int attempt = attempts == null ? 0 : attempts.attempt(delivery.properties());
        Object[] fields = withCorrelation(correlationId, "queue", queue, "body", body, "seq", seq,
                "deliveryTag", tag, "redelivered", delivery.envelope().isRedeliver(),
                "persistent", persistent(delivery.properties()), "autoAck", autoAck,
                "workMs", work.toMillis(), "ackDelayMs", ackDelay.toMillis());
        emit(EventType.RECEIVED, attempts == null ? fields : append(fields, "attempt", attempt));
        if (attempts != null && attempts.redeliveryIsAFailure(delivery)) {
            return failed(channel, delivery, body, seq, attempt, "redelivered");
        }
        FailureSimulation.Outcome outcome = failures.attempt(body);
        if (outcome == FailureSimulation.Outcome.CRASHES) {
            emit(EventType.CRASHING, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag, "attempt", attempt);
            crash.run();
        }
        long start = System.nanoTime();
        long connection = delivery.connection();
        // With manual acks a lost connection ends the work at once: the broker has requeued it.
        if (!stopper.pause(work.plus(ackDelay), () -> !autoAck && lostSince(connection))) {
            if (stopper.lost() != null) {
                throw Failures.whileDoing(Text.of(autoAck ? "activity.working" : "activity.waitingToAck", tag),
                        settings(), stopper.lost());
            }
            return stopper.stopped() ? unfinished() : abandon(body, seq, tag);
        }
        if (outcome != FailureSimulation.Outcome.WORKS) {
            return failed(channel, delivery, body, seq, attempt,
                    outcome == FailureSimulation.Outcome.FAILS_ON ? "fail-on" : "fail-rate");
        }
        if (forwardTo != null) {
            if (publishConfirmed(channel, "", forwardTo, delivery.properties(), delivery.body(), seq) == 0) {
                return unfinished();
            }
            forwarded++;
            emit(EventType.FORWARDED, withCorrelation(correlationId, "queue", queue, "forwardTo", forwardTo,
                    "body", body, "seq", seq, "deliveryTag", tag));
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        if (autoAck) {
            finished++;
            emit(EventType.DONE, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag, "afterMs", tookMs);
            return true;
        }
        if (lostSince(connection)) {
            return abandon(body, seq, tag);
        }
        finished++;
        emit(EventType.ACKED, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag, "afterMs", tookMs);
        try {
            channel.basicAck(tag, false);
        } catch (IOException | RuntimeException e) {
            // With recovery, an ack whose connection dies under it is no failure: the broker
            // requeues the delivery and delivers it again (the work is then done twice).
            if (!recovering() || !Failures.isConnectionLoss(e)) {
                throw Failures.during(Text.of("op.ack", tag), settings(), e);
            }
        }
        return true;
    }

    /** The work on a delivery failed: retry, requeue or dead-letter it. It counts as handled. */
    private boolean failed(Channel channel, Inbox.Item delivery, String body, int seq, int attempt, String cause)
            throws InterruptedException {
        long tag = delivery.envelope().getDeliveryTag();
        failed++;
        Object[] fields = {"queue", queue, "body", body, "seq", seq, "deliveryTag", tag, "cause", cause};
        emit(EventType.FAILED, attempts == null ? fields
                : append(append(fields, "attempt", attempt), "maxAttempts", attempts.maxAttempts()));
        if (autoAck) {
            return true;   // the broker forgot it when it sent it: a failed auto-ack delivery is lost
        }
        if (attempts != null) {
            if (attempts.failed(channel, delivery, body, seq, attempt) == EventType.DEAD_LETTERED) {
                deadLettered++;
            }
            return true;
        }
        amqp(Text.of("op.nackRequeue", tag), () -> {
            channel.basicNack(tag, false, true);
            return null;
        });
        emit(EventType.REQUEUED, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag);
        return true;
    }

    private boolean unfinished() {
        unfinished++;
        return false;
    }

    /** The delivery's connection was lost: it cannot be acked, and the broker has requeued it. */
    private boolean abandon(String body, int seq, long tag) {
        abandoned++;
        emit(EventType.ABANDONED, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag,
                "reason", "connection-lost");
        return false;
    }

    /** Builds a {@link Worker}. */
    public static final class Builder extends ConsumingBuilder<Builder> {
        private String queue = "task_queue";
        private boolean durable = true;
        private int prefetch = 1;
        private Duration ackDelay = Duration.ZERO;
        private Duration dotDuration = Duration.ofSeconds(1);
        private boolean autoAck;
        private String forwardTo;
        private int maxAttempts;
        private String deadLetterQueue;
        private String retryQueue;
        private Duration retryDelay = Duration.ZERO;
        private double failRate;
        private Pattern failOn;
        private Pattern crashOn;
        private Random random = new Random();
        private Runnable crash = () -> Runtime.getRuntime().halt(CRASH_EXIT_CODE);
        private QueueType queueType;
        private Boolean durableGiven;

        private Builder() {
        }

        /**
         * After this many failed attempts a message goes to the dead-letter queue, moved there by
         * the broker (see {@link Attempts}); 0 (the default) gives every failed message back to the
         * queue.
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = notNegative("the maximum number of attempts", maxAttempts);
            return this;
        }

        /** The dead-letter queue for {@link #maxAttempts} (default: the queue's name + {@code .dead}). */
        public Builder deadLetterQueue(String queue) {
            this.deadLetterQueue = named("the dead-letter queue", queue);
            return this;
        }

        /** The retry queue of a classic queue for {@link #maxAttempts} (default: the queue's name + {@code .retry}). */
        public Builder retryQueue(String queue) {
            this.retryQueue = named("the retry queue", queue);
            return this;
        }

        /** How long a failed message waits in the retry queue before it is tried again (default 0). */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = notNegative("the retry delay", delay);
            return this;
        }

        /** Fail the work on a delivery with this probability, from 0 to 1 (default 0). */
        public Builder failRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw MensajeroException.usage(Text.of("error.failRate", rate));
            }
            this.failRate = rate;
            return this;
        }

        /** Fail the work on every delivery whose body this regular expression matches (anywhere in it). */
        public Builder failOn(String regex) {
            this.failOn = pattern("--fail-on", regex);
            return this;
        }

        /**
         * Crash on every delivery whose body this regular expression matches: the process exits at
         * once ({@code Runtime.halt}, exit code {@value #CRASH_EXIT_CODE}) without closing its
         * connection, before acking anything it holds.
         */
        public Builder crashOn(String regex) {
            this.crashOn = pattern("--crash-on", regex);
            return this;
        }

        /** The random numbers {@link #failRate} draws (for repeatable runs). */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** What a crash does instead of halting the JVM (for tests of the library). */
        Builder crash(Runnable crash) {
            this.crash = Objects.requireNonNull(crash, "crash");
            return this;
        }

        private static Pattern pattern(String option, String regex) {
            try {
                return Pattern.compile(Objects.requireNonNull(regex, option));
            } catch (PatternSyntaxException e) {
                throw MensajeroException.usage(Text.of("error.regex", option, Text.literal(e.getDescription()), e.getIndex(),
                        regex));
            }
        }

        private static String named(String what, String queue) {
            if (queue == null || queue.isEmpty()) {
                throw MensajeroException.usage(what + " must be named");
            }
            return queue;
        }

        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /** Declare the queue durable (default true, as consumer-v2.py does for task_queue). */
        public Builder durable(boolean durable) {
            this.durable = durable;
            this.durableGiven = durable;
            return this;
        }

        /**
         * Declare the queue (and the one it forwards to) with {@code x-queue-type} (default:
         * none, the broker's default, classic). A quorum queue is durable. With {@link #maxAttempts}
         * a quorum work queue counts deliveries itself and applies the limit ({@code x-delivery-limit}).
         */
        public Builder queueType(QueueType queueType) {
            this.queueType = Objects.requireNonNull(queueType, "queueType");
            return this;
        }

        /** basic.qos prefetch count; 1 by default (fair dispatch), 0 for no limit (round-robin). */
        public Builder prefetch(int prefetch) {
            if (prefetch > 65_535) {
                throw MensajeroException.usage(Text.of("error.prefetchTooLarge", prefetch));
            }
            this.prefetch = notNegative("the prefetch", prefetch);
            return this;
        }

        /** Extra time between the end of the work and the ack. */
        public Builder ackDelay(Duration ackDelay) {
            this.ackDelay = notNegative("the ack delay", ackDelay);
            return this;
        }

        /** Work time per '.' in the body (default 1 s, as in RabbitMQ's tutorial). */
        public Builder dotDuration(Duration dotDuration) {
            this.dotDuration = notNegative("the dot duration", dotDuration);
            return this;
        }

        /** Automatic acknowledgement: the broker forgets each message once sent. */
        public Builder autoAck(boolean autoAck) {
            this.autoAck = autoAck;
            return this;
        }

        /**
         * Makes the worker a pipeline stage: after the work, publish the message (same body and
         * properties, so the same correlation_id) to this queue, confirmed, then ack. The queue
         * is declared like the worker's own (same durability).
         */
        public Builder forwardTo(String queue) {
            if (queue == null || queue.isEmpty()) {
                throw MensajeroException.usage(Text.of("error.forwardToUnnamed"));
            }
            this.forwardTo = queue;
            return this;
        }

        public Worker build() {
            if (maxAttempts > 0 && autoAck) {
                throw MensajeroException.usage(Text.of("error.maxAttempts.autoAck"));
            }
            if (maxAttempts > 0 && forwardTo != null) {
                throw MensajeroException.usage(Text.of("error.maxAttempts.forwardTo"));
            }
            String dead = deadLetterQueue == null ? queue + ".dead" : deadLetterQueue;
            String retry = retryQueue == null ? queue + ".retry" : retryQueue;
            if (maxAttempts > 0 && (dead.equals(queue) || retry.equals(queue) || dead.equals(retry))) {
                throw MensajeroException.usage(Text.of("error.maxAttempts.sameQueues", queue, retry, dead));
            }
            durable = QueueType.durability(queueType, durable, durableGiven);
            if (queue.equals(forwardTo)) {
                throw MensajeroException.usage(Text.of("error.forwardToItself", queue));
            }
            return new Worker(this);
        }
    }
}
