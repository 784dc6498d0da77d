package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What RabbitMQ does not implement is refused with 540 NOT_IMPLEMENTED, a hard error that
 * closes the connection: basic.qos with a prefetch size, basic.publish with immediate,
 * basic.recover without requeue.
 */
class UnimplementedFeaturesAreRefused {

    @EachBroker
    void prefetchSize(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicQos(1000, 0, false)))
                    .isEqualTo(Failure.connection(AMQP.NOT_IMPLEMENTED, "NOT_IMPLEMENTED - prefetch_size!=0 (1000)", 60, 10));
        }
    }

    @EachBroker
    void immediatePublish(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicPublish("", q, false, true, null, Amqp.bytes("m"))))
                    .isEqualTo(Failure.connection(AMQP.NOT_IMPLEMENTED, "NOT_IMPLEMENTED - immediate=true", 60, 40));
        }
    }

    @EachBroker
    void recoverWithoutRequeue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicRecover(false)))
                    .isEqualTo(Failure.connection(AMQP.NOT_IMPLEMENTED, "NOT_IMPLEMENTED - requeue=false", 60, 110));
        }
    }
}
