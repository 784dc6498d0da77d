package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.mensajero.client.internal.Bodies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Declares a queue and publishes messages to it through the default exchange (routing key =
 * queue name), waiting for each publisher confirm: the course's producer.py ({@link #send()})
 * and producer-v2.py ({@link #task()}).
 *
 * <pre>{@code
 * Producer.send().uri("amqp://guest:guest@localhost:5672/%2F").count(3).listener(System.out::println).build().run();
 * }</pre>
 */
public final class Producer extends PublishingPattern {
    private final String queue;
    private final boolean durable;
    private final String deadLetterQueue;
    private final boolean persistent;
    private final String correlationId;
    private final QueueType queueType;

    private Producer(Builder builder) {
        super(builder, builder.defaultName);
        this.queue = builder.queue;
        this.durable = builder.durable;
        this.queueType = builder.queueType;
        this.persistent = builder.persistent;
        this.correlationId = builder.correlationId;
        this.deadLetterQueue = builder.deadLetterQueue;
    }

    /** producer.py: queue {@code hello} (default arguments), body {@code Hello World!}. */
    public static Builder send() {
        return new Builder("send", "hello", false, false, "Hello World!");
    }

    /** producer-v2.py: durable queue {@code task_queue}, persistent messages, body {@code PAYROLL_RUN_ID}. */
    public static Builder task() {
        return new Builder("task", "task_queue", true, true, "PAYROLL_RUN_ID");
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        int sent = 0;
        Connection connection = open();
        try {
            Channel channel = amqp(Text.of("op.openChannel"), connection::createChannel);
            if (deadLetterQueue == null) {
                declareQueue(channel, queue, durable, queueType);
            } else {
                Map<String, Object> arguments = new LinkedHashMap<>(Attempts.deadLetteringTo(deadLetterQueue));
                if (queueType != null) {
                    arguments.put("x-queue-type", queueType.wireName());
                }
                declareQueue(channel, queue, durable, arguments);
            }
            sent = sendAll(channel, (n, text) -> {
                String correlation = correlationId == null ? null : Bodies.render(correlationId, n);
                int attempts = publishConfirmed(channel, "", queue, properties(correlation), Bodies.bytes(text), n);
                if (attempts > 0) {
                    emit(EventType.SENT, withAttempts(attempts, withCorrelation(correlation, "queue", queue,
                            "exchange", "", "routingKey", queue, "body", text, "seq", n, "persistent", persistent)));
                }
                return attempts > 0;
            });
        } finally {
            close(connection);
        }
        return fields("queue", queue, "sent", sent);
    }

    private AMQP.BasicProperties properties(String correlation) {
        if (correlation == null) {
            return persistent ? MessageProperties.PERSISTENT_BASIC : null;
        }
        AMQP.BasicProperties.Builder builder = persistent ? MessageProperties.PERSISTENT_BASIC.builder()
                : new AMQP.BasicProperties.Builder();
        return builder.correlationId(correlation).build();
    }

    /** Builds a {@link Producer}; start from {@link Producer#send()} or {@link Producer#task()}. */
    public static final class Builder extends PublishingBuilder<Builder> {
        private final String defaultName;
        private String queue;
        private boolean durable;
        private String deadLetterQueue;
        private boolean persistent;
        private String correlationId;
        private QueueType queueType;
        private Boolean durableGiven;

        private Builder(String defaultName, String queue, boolean durable, boolean persistent, String body) {
            super(body);
            this.defaultName = defaultName;
            this.queue = queue;
            this.durable = durable;
            this.persistent = persistent;
        }

        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /**
         * Declare the queue with dead letters going to this queue, as a worker with
         * {@code maxAttempts} and the same dead-letter queue declares it (the declarations must agree).
         */
        public Builder deadLetterQueue(String queue) {
            if (queue == null || queue.isEmpty()) {
                throw MensajeroException.usage(Text.of("error.deadLetterQueueUnnamed"));
            }
            this.deadLetterQueue = queue;
            return this;
        }

        /** Declare the queue durable (task_queue is; hello is not; a quorum queue always is). */
        public Builder durable(boolean durable) {
            this.durable = durable;
            this.durableGiven = durable;
            return this;
        }

        /**
         * Declare the queue with {@code x-queue-type} (default: none, the broker's default,
         * classic). A quorum queue is durable: {@code durable(false)} with it is a usage error.
         */
        public Builder queueType(QueueType queueType) {
            this.queueType = Objects.requireNonNull(queueType, "queueType");
            return this;
        }

        /** delivery_mode 2. */
        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        /**
         * Sets each message's correlation_id property; {@code {n}} becomes the message's number
         * (e.g. {@code order-{n}}). Default: none.
         */
        public Builder correlationId(String template) {
            if (template == null || template.isEmpty()) {
                throw MensajeroException.usage(Text.of("error.correlationIdEmpty"));
            }
            this.correlationId = template;
            return this;
        }

        public Producer build() {
            durable = QueueType.durability(queueType, durable, durableGiven);
            return new Producer(this);
        }
    }
}
