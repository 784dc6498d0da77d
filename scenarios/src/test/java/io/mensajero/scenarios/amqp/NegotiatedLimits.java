package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * connection.tune: the broker proposes channel-max 2047, frame-max 131072 and heartbeat 60 s; a
 * client asking for no limit gets those, one asking for less gets what it asked for.
 */
class NegotiatedLimits {

    @EachBroker
    void clientWithoutLimitsGetsTheBrokers(BrokerUnderTest broker) throws Exception {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setRequestedChannelMax(0);
        factory.setRequestedFrameMax(0);
        factory.setRequestedHeartbeat(0);
        try (var c = factory.newConnection()) {
            assertThat(c.getChannelMax()).isEqualTo(2047);
            assertThat(c.getFrameMax()).isEqualTo(131072);
            assertThat(c.getHeartbeat()).isEqualTo(60);
        }
    }

    @EachBroker
    void clientAskingForLessGetsLess(BrokerUnderTest broker) throws Exception {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setRequestedChannelMax(10);
        factory.setRequestedFrameMax(8192);
        factory.setRequestedHeartbeat(5);
        try (var c = factory.newConnection()) {
            assertThat(c.getChannelMax()).isEqualTo(10);
            assertThat(c.getFrameMax()).isEqualTo(8192);
            assertThat(c.getHeartbeat()).isEqualTo(5);
            // a body bigger than frame-max is split into several frames and arrives whole
            var ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            byte[] body = new byte[50_000];
            java.util.Arrays.fill(body, (byte) 'x');
            ch.confirmSelect();
            ch.basicPublish("", q, null, body);
            ch.waitForConfirmsOrDie(Amqp.PATIENCE.toMillis());
            assertThat(ch.basicGet(q, true).getBody()).isEqualTo(body);
        }
    }

    @EachBroker
    void defaultFactory(BrokerUnderTest broker) throws Exception {
        try (var c = broker.newConnection()) {
            assertThat(c.getChannelMax()).isEqualTo(2047);
            assertThat(c.getFrameMax()).isEqualTo(131072);
            assertThat(c.getHeartbeat()).isEqualTo(60);
        }
    }
}
