package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static io.mensajero.scenarios.amqp.DirectReplyToRoundTrip.REPLY_TO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct reply-to's rules: the consumer must be no-ack, and a channel may publish with
 * reply_to {@code amq.rabbitmq.reply-to} only while it consumes it; each breach gets 406.
 */
class DirectReplyToRules {

    @EachBroker
    void consumerMustBeNoAck(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicConsume(REPLY_TO, false, new Inbox(s.channel))))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - reply consumer cannot acknowledge", 60, 20));
        }
    }

    @EachBroker
    void publishWithoutConsuming(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().replyTo(REPLY_TO).build();
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicPublish("", q, props, Amqp.bytes("m"))))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - fast reply consumer does not exist", 60, 40));
            assertThat(s.messageCount(q)).isZero();
        }
    }

    @EachBroker
    void oneReplyConsumerPerChannel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.basicConsume(REPLY_TO, true, new Inbox(s.channel));
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicConsume(REPLY_TO, true, new Inbox(s.channel))))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - reply consumer already set", 60, 20));
        }
    }

    @EachBroker
    void consumeAfterCancelIsAllowed(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String first = s.channel.basicConsume(REPLY_TO, true, new Inbox(s.channel));
            s.channel.basicCancel(first);
            String second = s.channel.basicConsume(REPLY_TO, true, new Inbox(s.channel));
            assertThat(second).isNotEqualTo(first);
        }
    }
}
