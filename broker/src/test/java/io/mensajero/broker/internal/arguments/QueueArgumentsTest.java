package io.mensajero.broker.internal.arguments;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.protocol.LongString;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueueArgumentsTest {
    private static final String Q = "queue 'q' in vhost '/'";

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static AmqpException refusal(boolean durable, boolean exclusive, boolean autoDelete, Object... kv) {
        return catchThrowableOfType(AmqpException.class,
                () -> QueueArguments.validate(Q, durable, exclusive, autoDelete, args(kv)));
    }

    private static String text(Object... kv) {
        return refusal(false, false, false, kv).getMessage();
    }

    @Test
    void valuesAreCheckedWithRabbitMqsReasons() {
        assertThat(text("x-message-ttl", -1)).isEqualTo("invalid arg 'x-message-ttl' for " + Q + ": {value_negative,-1}");
        assertThat(text("x-message-ttl", LongString.of("10")))
                .isEqualTo("invalid arg 'x-message-ttl' for " + Q + ": \"expected integer, got longstr\"");
        assertThat(text("x-message-ttl", 315_360_000_001L))
                .endsWith(": {value_too_large,315360000001}");
        assertThat(text("x-expires", 0)).endsWith("'x-expires' for " + Q + ": {value_zero,0}");
        assertThat(text("x-overflow", LongString.of("drop-tail"))).endsWith(": invalid_overflow");
        assertThat(text("x-overflow", 1)).endsWith(": {unacceptable_type,signedint}");
        assertThat(text("x-max-priority", 256)).endsWith(": {max_value_exceeded,256}");
        assertThat(text("x-queue-type", LongString.of("fifo"))).endsWith(": \"unsupported queue type 'fifo'\"");
        assertThat(text("x-queue-version", 3)).endsWith(": \"unsupported queue version '3'\"");
        assertThat(text("x-dead-letter-routing-key", LongString.of("k"))).endsWith(": routing_key_but_no_dlx_defined");
        assertThat(text("x-single-active-consumer", null)).endsWith(": {unacceptable_type,void}");
    }

    @Test
    void theDeadLetterExchangesTypeComesFirstThenRabbitMqsOrder() {
        assertThat(text("x-expires", 0, "x-dead-letter-exchange", 1))
                .isEqualTo("invalid type 'signedint' for arg 'x-dead-letter-exchange' in " + Q);
        assertThat(text("x-message-ttl", -1, "x-expires", 0)).contains("'x-expires'");
        assertThat(text("x-delivery-limit", 1, "x-expires", 0)).contains("'x-expires'");
    }

    @Test
    void argumentsOfAnotherTypeAreRefusedInTheClientsOrder() {
        assertThat(text("x-max-age", LongString.of("1D"), "x-delivery-limit", 1))
                .isEqualTo("invalid arg 'x-max-age' for " + Q + " of queue type rabbit_classic_queue");
        assertThat(refusal(true, false, false, "x-queue-type", LongString.of("quorum"), "x-max-priority", 3).getMessage())
                .isEqualTo("invalid arg 'x-max-priority' for " + Q + " of queue type rabbit_quorum_queue");
    }

    @Test
    void quorumQueuesAreDurableNeitherExclusiveNorAutoDelete() {
        Object[] quorum = {"x-queue-type", LongString.of("quorum")};
        assertThat(refusal(false, false, false, quorum).getMessage()).isEqualTo("invalid property 'non-durable' for " + Q);
        assertThat(refusal(true, true, false, quorum).getMessage())
                .isEqualTo("invalid property 'exclusive-owner' for " + Q);
        assertThat(refusal(true, true, true, quorum).getMessage()).isEqualTo("invalid property 'auto-delete' for " + Q);
        QueueSettings s = QueueArguments.validate(Q, true, false, false, args("x-queue-type", LongString.of("quorum"),
                "x-delivery-limit", 3, "x-overflow", LongString.of("reject-publish-dlx")));
        assertThat(s.type()).isEqualTo(QueueType.QUORUM);
        assertThat(s.deliveryLimit()).isEqualTo(3L);
        assertThat(s.effectiveOverflow()).as("quorum reads reject-publish-dlx as drop-head").isEqualTo(Overflow.DROP_HEAD);
    }

    @Test
    void streamsAreValidatedAndTheirRetentionRead() {
        QueueSettings s = QueueArguments.validate(Q, true, false, false, args("x-queue-type", LongString.of("stream"),
                "x-max-age", LongString.of("7D"), "x-max-length-bytes", 1000L, "x-stream-max-segment-size-bytes", 100));
        assertThat(s.type()).isEqualTo(QueueType.STREAM);
        assertThat(refusal(true, false, false, "x-queue-type", LongString.of("stream"), "x-max-age",
                LongString.of("0D")).getMessage()).endsWith(": invalid_max_age");
        assertThat(refusal(false, false, false, "x-queue-type", LongString.of("stream")).getMessage())
                .isEqualTo("invalid property 'non-durable' for " + Q);
        StreamSettings retention = StreamSettings.of(args("x-queue-type", LongString.of("stream"),
                "x-max-age", LongString.of("7D"), "x-max-length-bytes", 1000L, "x-stream-max-segment-size-bytes", 100));
        assertThat(retention).isEqualTo(new StreamSettings(1000L, 7L * 24 * 3600 * 1000, 100L));
        assertThat(StreamSettings.of(null)).isEqualTo(new StreamSettings(null, null, null));
    }

    @Test
    void maxAgesAreReadAsRabbitMqReadsThem() {
        assertThat(QueueArguments.maxAgeMillis("1Y")).isEqualTo(365L * 24 * 3600 * 1000);
        assertThat(QueueArguments.maxAgeMillis("2M")).isEqualTo(60L * 24 * 3600 * 1000);
        assertThat(QueueArguments.maxAgeMillis("3h")).isEqualTo(3L * 3600 * 1000);
        assertThat(QueueArguments.maxAgeMillis("90m")).isEqualTo(90L * 60 * 1000);
        assertThat(QueueArguments.maxAgeMillis("5s")).isEqualTo(5000L);
        assertThat(QueueArguments.maxAgeMillis("007s")).isEqualTo(7000L);
        assertThat(QueueArguments.maxAgeMillis("99999999999999999999Y")).isEqualTo(Long.MAX_VALUE);
        for (String invalid : new String[] {"0s", "s", "", "10", "10x", "1d", "10 s", "-1s"}) {
            assertThat(QueueArguments.maxAgeMillis(invalid)).as(invalid).isEqualTo(-1);
        }
    }

    @Test
    void settingsReadWhatTheArgumentsSetAndIgnoreTheRest() {
        QueueSettings s = QueueArguments.validate(Q, false, false, false, args("x-message-ttl", (short) 50,
                "x-dead-letter-exchange", LongString.of("dlx"), "x-dead-letter-routing-key", LongString.of("dead"),
                "x-max-length", 10L, "x-overflow", LongString.of("reject-publish"), "x-max-priority", (byte) 9,
                "x-single-active-consumer", true, "x-foo", LongString.of("bar")));
        assertThat(s).isEqualTo(new QueueSettings(QueueType.CLASSIC, null, 50L, "dlx", "dead", null, 10L, null,
                Overflow.REJECT_PUBLISH, 9, true, null));
        assertThat(QueueArguments.validate(Q, false, false, false, null)).isEqualTo(QueueSettings.NONE);
    }

    @Test
    void quorumAndStreamQueuesCannotBeServerNamed() {
        assertThat(catchThrowableOfType(AmqpException.class, () -> QueueArguments.checkServerNamed(
                args("x-queue-type", LongString.of("quorum")))).getMessage())
                .isEqualTo("Cannot declare a server-named queue for type rabbit_quorum_queue");
        QueueArguments.checkServerNamed(args("x-queue-type", LongString.of("classic")));
        QueueArguments.checkServerNamed(args("x-queue-type", LongString.of("fifo")));
    }

    @Test
    void consumerArgumentsAreCheckedForTheQueuesType() {
        assertThat(catchThrowableOfType(AmqpException.class, () -> QueueArguments.validateConsumer(Q,
                QueueType.CLASSIC, args("x-priority", LongString.of("high")))).getMessage())
                .isEqualTo("invalid arg 'x-priority' for " + Q + ": \"expected integer, got longstr\"");
        assertThat(catchThrowableOfType(AmqpException.class, () -> QueueArguments.validateConsumer(Q,
                QueueType.QUORUM, args("x-cancel-on-ha-failover", true))).getMessage())
                .isEqualTo("invalid arg 'x-cancel-on-ha-failover' for " + Q + " of queue type rabbit_quorum_queue");
        QueueArguments.validateConsumer(Q, QueueType.CLASSIC, args("x-priority", -5, "x-foo", 1));
    }
}
