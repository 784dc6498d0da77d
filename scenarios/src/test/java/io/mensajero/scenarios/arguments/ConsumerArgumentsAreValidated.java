package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.DefaultConsumer;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.consume's arguments, checked as RabbitMQ checks them: x-priority must be an integer,
 * x-cancel-on-ha-failover a boolean (classic queues), x-stream-offset belongs to stream queues;
 * arguments RabbitMQ does not know are ignored.
 */
class ConsumerArgumentsAreValidated {

    private static String refusal(Fixture f, String queue, Map<String, Object> arguments) throws Exception {
        Amqp.Failure failure = f.failure(ch -> ch.basicConsume(queue, false, arguments, new DefaultConsumer(ch)));
        assertThat(failure.replyCode()).isEqualTo(406);
        assertThat(failure.classId()).isEqualTo(60);
        assertThat(failure.methodId()).isEqualTo(20);
        return failure.replyText().replace(queue, "Q");
    }

    @EachBroker
    void invalidConsumerArgumentsAreRefused(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String classic = f.queue(null);
            assertThat(refusal(f, classic, args("x-priority", "high"))).isEqualTo(
                    "PRECONDITION_FAILED - invalid arg 'x-priority' for queue 'Q' in vhost '/': "
                            + "\"expected integer, got longstr\"");
            assertThat(refusal(f, classic, args("x-priority", 1.5))).isEqualTo(
                    "PRECONDITION_FAILED - invalid arg 'x-priority' for queue 'Q' in vhost '/': "
                            + "\"expected integer, got double\"");
            assertThat(refusal(f, classic, args("x-cancel-on-ha-failover", 1))).isEqualTo(
                    "PRECONDITION_FAILED - invalid arg 'x-cancel-on-ha-failover' for queue 'Q' in vhost '/': "
                            + "{unacceptable_type,signedint}");
            assertThat(refusal(f, classic, args("x-stream-offset", "first"))).isEqualTo(
                    "PRECONDITION_FAILED - invalid arg 'x-stream-offset' for queue 'Q' in vhost '/' "
                            + "of queue type rabbit_classic_queue");
            String quorum = f.quorumQueue();
            assertThat(refusal(f, quorum, args("x-cancel-on-ha-failover", true))).isEqualTo(
                    "PRECONDITION_FAILED - invalid arg 'x-cancel-on-ha-failover' for queue 'Q' in vhost '/' "
                            + "of queue type rabbit_quorum_queue");
            assertThat(refusal(f, quorum, args("x-priority", "a"))).isEqualTo(
                    "PRECONDITION_FAILED - invalid arg 'x-priority' for queue 'Q' in vhost '/': "
                            + "\"expected integer, got longstr\"");
        }
    }

    @EachBroker
    void validAndUnknownConsumerArgumentsAreTaken(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            var ch = f.connection.createChannel();
            ch.basicConsume(q, false, args("x-priority", 10L, "x-foo", "bar"), new DefaultConsumer(ch));
            ch.basicConsume(q, false, args("x-priority", (short) -3, "x-cancel-on-ha-failover", false),
                    new DefaultConsumer(ch));
            assertThat(ch.consumerCount(q)).isEqualTo(2);
        }
    }
}
