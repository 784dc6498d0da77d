package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.DefaultConsumer;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every method naming a queue that does not exist gets a 404 channel error naming it, except
 * queue.delete and queue.unbind, which are idempotent and succeed.
 */
class MissingQueueIsNotFound {

    private static Failure notFound(String queue, int classId, int methodId) {
        return Failure.channel(AMQP.NOT_FOUND, "NOT_FOUND - no queue '" + queue + "' in vhost '/'", classId, methodId);
    }

    @EachBroker
    void passiveDeclare(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDeclarePassive(q)))
                    .isEqualTo(notFound(q, 50, 10));
        }
    }

    @EachBroker
    void bind(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueBind(q, "amq.direct", "k")))
                    .isEqualTo(notFound(q, 50, 20));
        }
    }

    /** queue.unbind is idempotent: unbinding a queue that does not exist is not an error. */
    @EachBroker
    void unbindIsNotAnError(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.queueUnbind(Names.unique("missing"), "amq.direct", "k");
            Amqp.roundTrip(s.channel);
        }
    }

    @EachBroker
    void purge(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.queuePurge(q)))
                    .isEqualTo(notFound(q, 50, 30));
        }
    }

    @EachBroker
    void consume(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicConsume(q, new DefaultConsumer(s.channel))))
                    .isEqualTo(notFound(q, 60, 20));
        }
    }

    @EachBroker
    void get(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicGet(q, true)))
                    .isEqualTo(notFound(q, 60, 70));
        }
    }

    /** queue.delete is idempotent: deleting a queue that does not exist is not an error. */
    @EachBroker
    void deleteIsNotAnError(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("missing");
            assertThat(s.channel.queueDelete(q).getMessageCount()).isZero();
            Amqp.roundTrip(s.channel);
        }
    }
}
