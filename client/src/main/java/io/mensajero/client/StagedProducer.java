package io.mensajero.client;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Bodies;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The course's ejercicio-bloque-a/producer.py: a "staged" operation. Declares {@code hello};
 * for each stage sends {@code perStage} messages "Etapa s - Mensaje m" (the course's bodies)
 * with {@code pause} after each, then reports the stage completed and pauses {@code stagePause}
 * before the next stage.
 *
 * <p>{@link #stop(String)} is checked between messages and wakes the pauses: a message is never
 * left half-sent, every message reported as sent was confirmed by the broker, and the
 * connection is closed before the summary says what was sent.
 */
public final class StagedProducer extends MessagingPattern {
    /** The course's message body: {@code {stage}} and {@code {message}} become the numbers. */
    public static final String COURSE_BODY = "Etapa {stage} - Mensaje {message}";

    private final String queue;
    private final boolean durable;
    private final int stages;
    private final int perStage;
    private final Duration pause;
    private final Duration stagePause;
    private final String body;

    private StagedProducer(Builder builder) {
        super(builder, "staged");
        this.queue = builder.queue;
        this.durable = builder.durable;
        this.stages = builder.stages;
        this.perStage = builder.perStage;
        this.pause = builder.pause;
        this.stagePause = builder.stagePause;
        this.body = builder.body;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        int sent = 0;
        int completed = 0;
        String lastBody = null;
        Connection connection = open();
        try {
            Channel channel = amqp(Text.of("op.openChannel"), connection::createChannel);
            declareQueue(channel, queue, durable);
            amqp(Text.of("op.confirmSelect"), channel::confirmSelect);
            for (int stage = 1; stage <= stages && !stopper.stopped(); stage++) {
                emit(EventType.STAGE_STARTED, "queue", queue, "stage", stage);
                int m = 0;
                while (m < perStage && !stopper.stopped()) {
                    m++;
                    String text = body.replace("{stage}", Integer.toString(stage))
                            .replace("{message}", Integer.toString(m));
                    int attempts = publishConfirmed(channel, "", queue, null, Bodies.bytes(text), sent + 1);
                    if (attempts == 0) {
                        m--;    // stopped before the broker confirmed it
                        break;
                    }
                    sent++;
                    lastBody = text;
                    emit(EventType.SENT, withAttempts(attempts, "queue", queue, "exchange", "", "routingKey", queue,
                            "body", text, "seq", sent, "stage", stage, "message", m));
                    boolean last = stage == stages && m == perStage;
                    if (!last) {
                        stopper.pause(pause);
                    }
                }
                if (m < perStage) {
                    break;
                }
                completed++;
                emit(EventType.STAGE_COMPLETED, "queue", queue, "stage", stage, "sent", sent);
                if (stage < stages) {
                    stopper.pause(stagePause);
                }
            }
        } finally {
            close(connection);
        }
        return fields("queue", queue, "sent", sent, "stagesCompleted", completed, "stages", stages,
                "perStage", perStage, "last", lastBody);
    }

    /** Builds a {@link StagedProducer}. */
    public static final class Builder extends MessagingPattern.Builder<Builder> {
        private String queue = "hello";
        private boolean durable;
        private int stages = 3;
        private int perStage = 3;
        private Duration pause = Duration.ofSeconds(1);
        private Duration stagePause = Duration.ofSeconds(2);
        private String body = COURSE_BODY;

        private Builder() {
        }

        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public Builder stages(int stages) {
            this.stages = notNegative("the number of stages", stages);
            return this;
        }

        public Builder perStage(int perStage) {
            this.perStage = notNegative("the messages per stage", perStage);
            return this;
        }

        /** The pause after each message (default 1 s). */
        public Builder pause(Duration pause) {
            this.pause = notNegative("the pause", pause);
            return this;
        }

        /** The pause after each stage (default 2 s). */
        public Builder stagePause(Duration stagePause) {
            this.stagePause = notNegative("the stage pause", stagePause);
            return this;
        }

        /** The body template: {@code {stage}} and {@code {message}} become the numbers. */
        public Builder body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public StagedProducer build() {
            return new StagedProducer(this);
        }
    }
}
