package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Command;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * channel.flow from the client (amqp-client has no API for it, so it is sent raw): active=true
 * is answered with flow-ok active=true; active=false is refused as not implemented.
 */
class ChannelFlowStopIsNotImplemented {

    @EachBroker
    void flowActiveIsAcknowledged(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            Command reply = s.channel.rpc(new AMQP.Channel.Flow.Builder().active(true).build());
            assertThat(reply.getMethod()).isInstanceOf(AMQP.Channel.FlowOk.class);
            assertThat(((AMQP.Channel.FlowOk) reply.getMethod()).getActive()).isTrue();
            Amqp.roundTrip(s.channel);
        }
    }

    @EachBroker
    void flowStopIsRefused(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.rpc(new AMQP.Channel.Flow.Builder().active(false).build())))
                    .isEqualTo(Failure.connection(AMQP.NOT_IMPLEMENTED, "NOT_IMPLEMENTED - active=false", 20, 20));
        }
    }
}
