package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer tag already in use on the channel cannot be reused (530 NOT_ALLOWED, a hard error
 * that closes the connection); the same tag on another channel is fine.
 */
class ConsumerTagReuseIsNotAllowed {

    @EachBroker
    void sameTagTwiceOnAChannel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicConsume(q, false, "dup", new Inbox(s.channel));
            // amqp-client refuses a duplicate tag itself, so the second basic.consume is sent raw
            AMQP.Basic.Consume again = new AMQP.Basic.Consume.Builder().queue(q).consumerTag("dup").build();
            assertThat(Amqp.failure(s.channel, () -> s.channel.rpc(again)))
                    .isEqualTo(Failure.connection(AMQP.NOT_ALLOWED, "NOT_ALLOWED - attempt to reuse consumer tag 'dup'", 60, 20));
        }
    }

    @EachBroker
    void sameTagOnAnotherChannel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicConsume(q, false, "same", new Inbox(s.channel));
            var other = s.newChannel();
            assertThat(other.basicConsume(q, false, "same", new Inbox(other))).isEqualTo("same");
        }
    }

    @EachBroker
    void tagMayBeReusedAfterCancel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicConsume(q, false, "again", new Inbox(s.channel));
            s.channel.basicCancel("again");
            assertThat(s.channel.basicConsume(q, false, "again", new Inbox(s.channel))).isEqualTo("again");
        }
    }
}
