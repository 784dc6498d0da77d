package io.mensajero.scenarios.arguments;

import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue.declare with an invalid argument is refused with 406 PRECONDITION_FAILED and RabbitMQ
 * 3.10's exact text, which names the argument, the queue and RabbitMQ's reason as Erlang prints
 * it; when several are wrong, the first in RabbitMQ's order of checks is named. Each case is
 * declared on a fresh channel; every mismatch is reported at once.
 */
class InvalidQueueArgumentsAreRefused {

    /** A declare and the text after "PRECONDITION_FAILED - ", with %s for the queue's description. */
    private record Case(boolean durable, Map<String, Object> arguments, String text) {
    }

    private static Case classic(String text, Object... arguments) {
        return new Case(false, args(arguments), text);
    }

    private static Case durable(String text, Object... arguments) {
        return new Case(true, args(arguments), text);
    }

    private static String arg(String key, String reason) {
        return "invalid arg '" + key + "' for %s: " + reason;
    }

    private static String notOfType(String key, String module) {
        return "invalid arg '" + key + "' for %s of queue type " + module;
    }

    private static final List<Case> CASES = List.of(
            classic(arg("x-message-ttl", "{value_negative,-1}"), "x-message-ttl", -1),
            classic(arg("x-message-ttl", "\"expected integer, got longstr\""), "x-message-ttl", "10"),
            classic(arg("x-message-ttl", "\"expected integer, got double\""), "x-message-ttl", 1.5),
            classic(arg("x-message-ttl", "\"expected integer, got float\""), "x-message-ttl", 1.5f),
            classic(arg("x-message-ttl", "\"expected integer, got decimal\""), "x-message-ttl", new BigDecimal("5")),
            classic(arg("x-message-ttl", "\"expected integer, got bool\""), "x-message-ttl", true),
            classic(arg("x-message-ttl", "\"expected integer, got void\""), "x-message-ttl", null),
            classic(arg("x-message-ttl", "{value_too_large,1099511627776}"), "x-message-ttl", 1L << 40),
            classic(arg("x-expires", "{value_zero,0}"), "x-expires", 0),
            classic(arg("x-expires", "{value_negative,-1}"), "x-expires", -1),
            classic(arg("x-expires", "\"expected integer, got longstr\""), "x-expires", "a"),
            classic(arg("x-max-length", "{value_negative,-1}"), "x-max-length", -1),
            classic(arg("x-max-length", "\"expected integer, got longstr\""), "x-max-length", "abc"),
            classic(arg("x-max-length", "\"expected integer, got double\""), "x-max-length", 1.0),
            classic(arg("x-max-length-bytes", "{value_negative,-1}"), "x-max-length-bytes", -1),
            classic(arg("x-max-length-bytes", "\"expected integer, got longstr\""), "x-max-length-bytes", "x"),
            classic(arg("x-overflow", "invalid_overflow"), "x-overflow", "drop-tail"),
            classic(arg("x-overflow", "{unacceptable_type,signedint}"), "x-overflow", 1),
            classic("invalid type 'signedint' for arg 'x-dead-letter-exchange' in %s", "x-dead-letter-exchange", 1),
            classic("invalid type 'bool' for arg 'x-dead-letter-exchange' in %s", "x-dead-letter-exchange", false),
            classic(arg("x-dead-letter-routing-key", "routing_key_but_no_dlx_defined"),
                    "x-dead-letter-routing-key", "k"),
            classic(arg("x-dead-letter-routing-key", "{unacceptable_type,signedint}"),
                    "x-dead-letter-routing-key", 1, "x-dead-letter-exchange", "dlx"),
            classic(arg("x-max-priority", "{value_negative,-1}"), "x-max-priority", -1),
            classic(arg("x-max-priority", "{max_value_exceeded,256}"), "x-max-priority", 256),
            classic(arg("x-max-priority", "\"expected integer, got longstr\""), "x-max-priority", "a"),
            classic(arg("x-single-active-consumer", "{unacceptable_type,signedint}"), "x-single-active-consumer", 1),
            classic(arg("x-single-active-consumer", "{unacceptable_type,longstr}"),
                    "x-single-active-consumer", "true"),
            classic(arg("x-queue-type", "\"unsupported queue type 'fifo'\""), "x-queue-type", "fifo"),
            classic(arg("x-queue-type", "\"unsupported queue type 'Classic'\""), "x-queue-type", "Classic"),
            classic(arg("x-queue-type", "{unacceptable_type,signedint}"), "x-queue-type", 1),
            classic(arg("x-queue-mode", "\"unsupported queue mode 'eager'\""), "x-queue-mode", "eager"),
            classic(arg("x-queue-mode", "{unacceptable_type,signedint}"), "x-queue-mode", 1),
            classic(arg("x-queue-version", "\"unsupported queue version '3'\""), "x-queue-version", 3),
            classic(arg("x-queue-version", "\"unsupported queue version '0'\""), "x-queue-version", 0),
            classic(arg("x-queue-version", "\"expected integer, got longstr\""), "x-queue-version", "2"),
            // arguments of other queue types
            classic(notOfType("x-delivery-limit", "rabbit_classic_queue"), "x-delivery-limit", 5),
            classic(notOfType("x-max-in-memory-length", "rabbit_classic_queue"), "x-max-in-memory-length", 3),
            classic(notOfType("x-dead-letter-strategy", "rabbit_classic_queue"),
                    "x-dead-letter-strategy", "at-least-once"),
            classic(notOfType("x-max-age", "rabbit_classic_queue"), "x-max-age", "1D"),
            classic(notOfType("x-queue-leader-locator", "rabbit_classic_queue"), "x-queue-leader-locator", "balanced"),
            classic(notOfType("x-quorum-initial-group-size", "rabbit_classic_queue"),
                    "x-quorum-initial-group-size", 3),
            durable(notOfType("x-max-priority", "rabbit_quorum_queue"), "x-queue-type", "quorum", "x-max-priority", 5),
            durable(notOfType("x-queue-mode", "rabbit_quorum_queue"), "x-queue-type", "quorum", "x-queue-mode", "lazy"),
            durable(notOfType("x-message-ttl", "rabbit_stream_queue"), "x-queue-type", "stream", "x-message-ttl", 10),
            // values of the quorum and stream arguments
            durable(arg("x-quorum-initial-group-size", "{value_zero,0}"),
                    "x-queue-type", "quorum", "x-quorum-initial-group-size", 0),
            durable(arg("x-dead-letter-strategy", "invalid_dlx_strategy"),
                    "x-queue-type", "quorum", "x-dead-letter-strategy", "exactly-once"),
            durable(arg("x-queue-leader-locator", "invalid_queue_locator_arg"),
                    "x-queue-type", "quorum", "x-queue-leader-locator", "nearest"),
            durable(arg("x-max-age", "invalid_max_age"), "x-queue-type", "stream", "x-max-age", "10x"),
            durable(arg("x-max-age", "{unacceptable_type,signedint}"), "x-queue-type", "stream", "x-max-age", 10),
            durable("Exceeded max value for x-stream-max-segment-size-bytes",
                    "x-queue-type", "stream", "x-stream-max-segment-size-bytes", 3_000_000_001L),
            // RabbitMQ's order: the dead-letter exchange's type first, then x-expires, x-message-ttl, ...
            classic(arg("x-expires", "{value_zero,0}"), "x-message-ttl", -1, "x-expires", 0),
            classic(arg("x-max-length", "{value_negative,-1}"), "x-overflow", "drop-tail", "x-max-length", -1),
            classic("invalid type 'signedint' for arg 'x-dead-letter-exchange' in %s",
                    "x-expires", 0, "x-dead-letter-exchange", 1),
            classic(arg("x-queue-type", "\"unsupported queue type 'fifo'\""), "x-expires", 0, "x-queue-type", "fifo"),
            classic(notOfType("x-delivery-limit", "rabbit_classic_queue"), "x-delivery-limit", 1, "x-expires", 1));

    @EachBroker
    void eachInvalidArgumentGetsRabbitMqsText(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            List<String> wrong = new ArrayList<>();
            for (Case c : CASES) {
                String q = f.name("invalid");
                Amqp.Failure failure = f.failure(ch -> ch.queueDeclare(q, c.durable(), false, false, c.arguments()));
                String expected = "PRECONDITION_FAILED - " + String.format(c.text(), "queue '" + q + "' in vhost '/'");
                if (failure.replyCode() != 406 || !failure.replyText().equals(expected) || failure.classId() != 50
                        || failure.methodId() != 10) {
                    wrong.add(c.arguments() + ": expected 406 '" + expected + "' on queue.declare, got " + failure);
                }
            }
            assertThat(wrong).as("declares answered otherwise than RabbitMQ 3.10").isEmpty();
        }
    }

    @EachBroker
    void argumentsRabbitMqDoesNotKnowAreIgnoredAndValidOnesAccepted(BrokerUnderTest broker) throws Exception {
        List<Map<String, Object>> valid = List.of(
                args("x-foo", 1, "x-bar", "anything"),
                args("x-message-ttl", (short) 5), args("x-message-ttl", (byte) 5), args("x-message-ttl", 5L),
                args("x-message-ttl", 0), args("x-message-ttl", 315_360_000_000L),
                args("x-expires", 60_000), args("x-max-length", 0), args("x-max-length-bytes", 0L),
                args("x-max-priority", 0), args("x-max-priority", 255),
                args("x-overflow", "drop-head"), args("x-overflow", "reject-publish"),
                args("x-overflow", "reject-publish-dlx"),
                args("x-dead-letter-exchange", "no-such-exchange"), args("x-dead-letter-exchange", ""),
                args("x-dead-letter-exchange", "dlx", "x-dead-letter-routing-key", ""),
                args("x-queue-mode", "lazy"), args("x-queue-mode", "default"), args("x-queue-version", 2),
                args("x-queue-master-locator", "min-masters"), args("x-single-active-consumer", true),
                args("x-queue-type", "classic"));
        try (Fixture f = Fixture.open(broker)) {
            for (Map<String, Object> a : valid) {
                String q = f.queue(a);
                assertThat(f.queueExists(q)).as("declared with " + a).isTrue();
            }
        }
    }

    @EachBroker
    void quorumQueuesTakeTheirArgumentsUnchecked(BrokerUnderTest broker) throws Exception {
        // RabbitMQ 3.10 does not check x-delivery-limit's value: any is taken (a non-number never limits)
        try (Fixture f = Fixture.open(broker)) {
            for (Object limit : new Object[] {-1, "a", 0, 5L}) {
                String q = f.quorumQueue("x-delivery-limit", limit);
                assertThat(f.queueExists(q)).as("x-delivery-limit " + limit).isTrue();
            }
            String q = f.quorumQueue("x-overflow", "reject-publish-dlx", "x-dead-letter-strategy", "at-most-once",
                    "x-max-in-memory-length", 10, "x-quorum-initial-group-size", 1, "x-queue-leader-locator",
                    "client-local");
            assertThat(f.queueExists(q)).isTrue();
        }
    }
}
