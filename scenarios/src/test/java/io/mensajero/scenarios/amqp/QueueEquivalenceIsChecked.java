package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redeclaring an existing queue with different properties is refused with 406 (405 for the
 * exclusive flag), naming the property and both values; an identical redeclare is accepted.
 */
class QueueEquivalenceIsChecked {

    private static Failure inequivalent(String queue, String arg, String received, String current) {
        return Failure.channel(AMQP.PRECONDITION_FAILED, "PRECONDITION_FAILED - inequivalent arg '" + arg
                + "' for queue '" + queue + "' in vhost '/': received " + received + " but current is " + current, 50, 10);
    }

    @EachBroker
    void identicalRedeclareIsAccepted(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("q");
            Map<String, Object> args = Map.of("x-max-length", 10);
            s.channel.queueDeclare(q, false, false, false, args);
            AMQP.Queue.DeclareOk ok = s.channel.queueDeclare(q, false, false, false, args);
            assertThat(ok.getQueue()).isEqualTo(q);
        }
    }

    @EachBroker
    void durable(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDeclare(q, true, false, false, null)))
                    .isEqualTo(inequivalent(q, "durable", "'true'", "'false'"));
        }
    }

    @EachBroker
    void autoDelete(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDeclare(q, false, false, true, null)))
                    .isEqualTo(inequivalent(q, "auto_delete", "'true'", "'false'"));
        }
    }

    @EachBroker
    void argumentAdded(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel,
                    () -> s.channel.queueDeclare(q, false, false, false, Map.of("x-max-length", 10))))
                    .isEqualTo(inequivalent(q, "x-max-length", "the value '10' of type 'signedint'", "none"));
        }
    }

    @EachBroker
    void argumentChanged(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("q");
            s.channel.queueDeclare(q, false, false, false, Map.of("x-max-length", 10));
            assertThat(Amqp.failure(s.channel,
                    () -> s.channel.queueDeclare(q, false, false, false, Map.of("x-max-length", 20))))
                    .isEqualTo(inequivalent(q, "x-max-length", "'20'", "'10'"));
        }
    }

    @EachBroker
    void exclusiveOnANonExclusiveQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDeclare(q, false, true, false, null)))
                    .isEqualTo(Failure.channel(AMQP.RESOURCE_LOCKED, "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '"
                            + q + "' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.", 50, 10));
        }
    }

    @EachBroker
    void nonExclusiveOnAnExclusiveQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("q");
            s.channel.queueDeclare(q, false, true, false, null);
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDeclare(q, false, false, false, null)))
                    .isEqualTo(Failure.channel(AMQP.RESOURCE_LOCKED, "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '"
                            + q + "' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.", 50, 10));
        }
    }
}
