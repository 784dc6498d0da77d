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

    private static Failure fromAnotherConnection(BrokerUnderTest broker, Use use) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("exclusive");
            s.channel.queueDeclare(q, false, true, false, null);
            Channel other = s.newConnection().createChannel();
            Failure failure = Amqp.failure(other, () -> use.on(other, q));
            assertThat(s.queueExists(q)).as("the owner still has its queue").isTrue();
            return failure;
        }
    }

    @EachBroker
    void declare(BrokerUnderTest broker) throws Exception {
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.queueDeclare(q, false, true, false, null);
        });
        assertThat(f).isEqualTo(locked(name[0], 50, 10));
    }

    @EachBroker
    void passiveDeclare(BrokerUnderTest broker) throws Exception {
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.queueDeclarePassive(q);
        });
        assertThat(f).isEqualTo(locked(name[0], 50, 10));
    }

    @EachBroker
    void consume(BrokerUnderTest broker) throws Exception {
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.basicConsume(q, new DefaultConsumer(ch));
        });
        assertThat(f).isEqualTo(locked(name[0], 60, 20));
    }

    @EachBroker
    void bind(BrokerUnderTest broker) throws Exception {
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.queueBind(q, "amq.direct", "k");
        });
        assertThat(f).isEqualTo(locked(name[0], 50, 20));
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
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.queuePurge(q);
        });
        assertThat(f).isEqualTo(locked(name[0], 50, 30));
    }

    @EachBroker
    void delete(BrokerUnderTest broker) throws Exception {
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.queueDelete(q);
        });
        assertThat(f).isEqualTo(locked(name[0], 50, 40));
    }

    @EachBroker
    void get(BrokerUnderTest broker) throws Exception {
        String[] name = new String[1];
        Failure f = fromAnotherConnection(broker, (ch, q) -> {
            name[0] = q;
            ch.basicGet(q, true);
        });
        assertThat(f).isEqualTo(locked(name[0], 60, 70));
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
