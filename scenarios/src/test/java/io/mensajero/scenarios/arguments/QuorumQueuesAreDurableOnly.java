package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * x-queue-type quorum as a client declares it: durable only (non-durable, exclusive and
 * auto-delete are refused with RabbitMQ's "invalid property" texts, checked in that order:
 * auto-delete, exclusive, durable), never server-named, and a redeclare compares the quorum
 * type's arguments (x-queue-type included: a quorum queue is not a classic one).
 */
class QuorumQueuesAreDurableOnly {

    private static String refusal(Fixture f, boolean durable, boolean exclusive, boolean autoDelete) throws Exception {
        String q = f.name("quorum");
        Amqp.Failure failure = f.failure(ch -> ch.queueDeclare(q, durable, exclusive, autoDelete,
                args("x-queue-type", "quorum")));
        assertThat(failure.replyCode()).isEqualTo(406);
        return failure.replyText().replace(q, "Q");
    }

    @EachBroker
    void nonDurableExclusiveAndAutoDeleteAreRefused(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            assertThat(refusal(f, false, false, false))
                    .isEqualTo("PRECONDITION_FAILED - invalid property 'non-durable' for queue 'Q' in vhost '/'");
            assertThat(refusal(f, true, true, false))
                    .isEqualTo("PRECONDITION_FAILED - invalid property 'exclusive-owner' for queue 'Q' in vhost '/'");
            assertThat(refusal(f, true, false, true))
                    .isEqualTo("PRECONDITION_FAILED - invalid property 'auto-delete' for queue 'Q' in vhost '/'");
            assertThat(refusal(f, true, true, true))
                    .isEqualTo("PRECONDITION_FAILED - invalid property 'auto-delete' for queue 'Q' in vhost '/'");
            assertThat(refusal(f, false, true, false))
                    .isEqualTo("PRECONDITION_FAILED - invalid property 'exclusive-owner' for queue 'Q' in vhost '/'");
        }
    }

    @EachBroker
    void quorumAndStreamQueuesCannotBeServerNamed(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            for (String type : new String[] {"quorum", "stream"}) {
                Amqp.Failure failure = f.failure(ch -> ch.queueDeclare("", true, false, false,
                        args("x-queue-type", type)));
                assertThat(failure).isEqualTo(Amqp.Failure.channel(406,
                        "PRECONDITION_FAILED - Cannot declare a server-named queue for type rabbit_" + type + "_queue",
                        50, 10));
            }
            Channel ch = f.connection.createChannel();
            String named = ch.queueDeclare("", false, true, true, args("x-queue-type", "classic")).getQueue();
            assertThat(named).startsWith("amq.gen-");
        }
    }

    @EachBroker
    void aDurableQuorumQueueTakesMessages(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.quorumQueue();
            f.send(q, "one", "two");
            f.awaitReady(q, 2);
            assertThat(f.drain(q)).containsExactly("one", "two");
        }
    }

    @EachBroker
    void redeclareComparesTheQuorumTypesArguments(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.quorumQueue();
            f.channel.queueDeclare(q, true, false, false, args("x-queue-type", "quorum", "x-foo", 1));
            assertThat(f.failure(ch -> ch.queueDeclare(q, true, false, false, null)).replyText())
                    .isEqualTo("PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue '" + q
                            + "' in vhost '/': received none but current is the value 'quorum' of type 'longstr'");
            assertThat(f.failure(ch -> ch.queueDeclare(q, true, false, false,
                    args("x-queue-type", "quorum", "x-delivery-limit", 3))).replyText())
                    .isEqualTo("PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit' for queue '" + q
                            + "' in vhost '/': received the value '3' of type 'signedint' but current is none");
            assertThat(f.failure(ch -> ch.queueDeclare(q, false, false, false, args("x-queue-type", "quorum")))
                    .replyText()).isEqualTo("PRECONDITION_FAILED - inequivalent arg 'durable' for queue '" + q
                    + "' in vhost '/': received 'false' but current is 'true'");

            String classic = f.durableQueue(null);
            assertThat(f.failure(ch -> ch.queueDeclare(classic, true, false, false, args("x-queue-type", "quorum")))
                    .replyText()).isEqualTo("PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue '"
                    + classic + "' in vhost '/': received the value 'quorum' of type 'longstr' but current is none");
            f.channel.queueDeclare(classic, true, false, false, args("x-queue-type", "classic"));
        }
    }

    @EachBroker
    void redeclaringAnExistingQueueChecksEquivalenceNotValues(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            f.channel.queueDeclare(q, false, false, false, args("x-foo", -5, "x-delivery-limit", "ignored"));
            assertThat(f.failure(ch -> ch.queueDeclare(q, false, false, false, args("x-message-ttl", -5)))
                    .replyText()).isEqualTo("PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue '" + q
                    + "' in vhost '/': received the value '-5' of type 'signedint' but current is none");
        }
    }
}
