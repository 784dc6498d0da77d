package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue.delete with if-unused refuses a queue with consumers and with if-empty one with
 * messages; exchange.delete with if-unused refuses an exchange that is the source of a binding.
 * Each refusal is 406 and leaves the entity in place; otherwise the delete goes through.
 */
class ConditionalDeleteIsChecked {

    @EachBroker
    void queueIfUnusedWithAConsumer(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            var consumerChannel = s.newChannel();
            consumerChannel.basicConsume(q, new Inbox(consumerChannel));
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDelete(q, true, false)))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - queue '" + q + "' in vhost '/' in use", 50, 40));
            assertThat(s.queueExists(q)).isTrue();
        }
    }

    @EachBroker
    void queueIfEmptyWithAMessage(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "m");
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDelete(q, false, true)))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - queue '" + q + "' in vhost '/' not empty", 50, 40));
            assertThat(s.messageCount(q)).isEqualTo(1);
        }
    }

    @EachBroker
    void queueIfUnusedAndIfEmptyWhenBoth(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.queueBind(q, "amq.fanout", "");
            assertThat(s.channel.queueDelete(q, true, true).getMessageCount()).isZero();
            assertThat(s.queueExists(q)).isFalse();
        }
    }

    @EachBroker
    void exchangeIfUnusedWithABinding(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("fanout");
            String q = s.queue();
            s.channel.queueBind(q, x, "");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDelete(x, true)))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - exchange '" + x + "' in vhost '/' in use", 40, 20));
            assertThat(s.exchangeExists(x)).isTrue();
        }
    }

    @EachBroker
    void exchangeIfUnusedAfterUnbind(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("fanout");
            String q = s.queue();
            s.channel.queueBind(q, x, "");
            s.channel.queueUnbind(q, x, "");
            s.channel.exchangeDelete(x, true);
            assertThat(s.exchangeExists(x)).isFalse();
        }
    }

    /** Being the destination of an exchange-to-exchange binding does not count as "in use". */
    @EachBroker
    void exchangeOnlyBoundAsDestinationIsUnused(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String source = s.exchange("fanout");
            String destination = s.exchange("fanout");
            s.channel.exchangeBind(destination, source, "");
            s.channel.exchangeDelete(destination, true);
            assertThat(s.exchangeExists(destination)).isFalse();
        }
    }
}
