package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another connection may not use an exclusive queue: declare, passive declare, consume, bind,
 * unbind, purge, delete and get each get 405 RESOURCE_LOCKED; the owner may use it on any of
 * its channels.
 */
class ExclusiveQueueIsLockedToItsConnection {

    private static Failure locked(String queue, int classId, int methodId) {
        return Failure.channel(AMQP.RESOURCE_LOCKED, "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '"
                + queue + "' in vhost '/'. It could be originally declared on another connection or the exclusive property"
                + " value does not match that of the original declaration.", classId, methodId);
    }

    @FunctionalInterface
    private interface Use {
        void on(Channel other, String queue) throws Exception;
    }

    /** The owner declares an exclusive queue; another connection's use of it must get 405. */
    private static void lockedFromAnotherConnection(BrokerUnderTest broker, int classId, int methodId, Use use)
            throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("exclusive");
            s.channel.queueDeclare(q, false, true, false, null);
            Channel other = s.newConnection().createChannel();
            assertThat(Amqp.failure(other, () -> use.on(other, q))).isEqualTo(locked(q, classId, methodId));
            assertThat(s.queueExists(q)).as("the owner still has its queue").isTrue();
        }
    }

    @EachBroker
    void declare(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 50, 10, (ch, q) -> ch.queueDeclare(q, false, true, false, null));
    }

    @EachBroker
    void passiveDeclare(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 50, 10, (ch, q) -> ch.queueDeclarePassive(q));
    }

    @EachBroker
    void consume(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 60, 20, (ch, q) -> ch.basicConsume(q, new DefaultConsumer(ch)));
    }

    @EachBroker
    void bind(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 50, 20, (ch, q) -> ch.queueBind(q, "amq.direct", "k"));
    }

    @EachBroker
    void unbind(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("exclusive");
            s.channel.queueDeclare(q, false, true, false, null);
            s.channel.queueBind(q, "amq.direct", q);
            Channel other = s.newConnection().createChannel();
            assertThat(Amqp.failure(other, () -> other.queueUnbind(q, "amq.direct", q)))
                    .isEqualTo(locked(q, 50, 50));
        }
    }

    /** Observed on RabbitMQ 3.10: unbinding a binding that does not exist is not checked for exclusivity. */
    @EachBroker
    void unbindOfAMissingBindingIsNotChecked(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("exclusive");
            s.channel.queueDeclare(q, false, true, false, null);
            Channel other = s.newConnection().createChannel();
            other.queueUnbind(q, "amq.direct", "never-bound");
            Amqp.roundTrip(other);
        }
    }

    @EachBroker
    void purge(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 50, 30, (ch, q) -> ch.queuePurge(q));
    }

    @EachBroker
    void delete(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 50, 40, (ch, q) -> ch.queueDelete(q));
    }

    @EachBroker
    void get(BrokerUnderTest broker) throws Exception {
        lockedFromAnotherConnection(broker, 60, 70, (ch, q) -> ch.basicGet(q, true));
    }

    @EachBroker
    void ownerMayUseItOnAnyOfItsChannels(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("exclusive");
            s.channel.queueDeclare(q, false, true, false, null);
            Channel second = s.newChannel();
            second.queueDeclarePassive(q);
            second.queueBind(q, "amq.direct", q);
            s.publish("amq.direct", q, null, "m");
            assertThat(second.basicGet(q, true).getBody()).asString().isEqualTo("m");
            assertThat(second.queuePurge(q).getMessageCount()).isZero();
            second.queueDelete(q);
            assertThat(s.queueExists(q)).isFalse();
        }
    }
}
