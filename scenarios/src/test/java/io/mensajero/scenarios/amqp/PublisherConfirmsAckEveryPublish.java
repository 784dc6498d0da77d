package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In confirm mode every publish is acked once, numbered from 1 in publish order, whether routed
 * to one queue, to several or to none; waitForConfirms then returns true.
 */
class PublisherConfirmsAckEveryPublish {

    private static Set<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toSet());
    }

    @EachBroker
    void everyPublishIsAcked(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            String fanout = s.exchange("fanout");
            s.channel.queueBind(q, fanout, "");
            s.channel.queueBind(s.queue(), fanout, "");
            String empty = s.exchange("direct");
            Confirms confirms = Confirms.on(s.channel);
            for (int i = 1; i <= 60; i++) {
                assertThat(s.channel.getNextPublishSeqNo()).isEqualTo(i);
                confirms.published(i);
                String exchange = i % 3 == 0 ? "" : i % 3 == 1 ? fanout : empty;
                s.channel.basicPublish(exchange, q, null, Amqp.bytes("m" + i));
            }
            await().atMost(Amqp.PATIENCE).until(() -> confirms.acked.size() == 60);
            assertThat(confirms.acked).isEqualTo(oneTo(60));
            assertThat(confirms.nacked).isEmpty();
            Amqp.settle(s.channel);
            assertThat(confirms.events).as("each acked once").hasSize(60);
            assertThat(s.messageCount(q)).isEqualTo(40);
        }
    }

    @EachBroker
    void waitForConfirms(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Channel ch = s.channel;
            ch.confirmSelect();
            for (int i = 0; i < 20; i++) {
                ch.basicPublish("", q, null, Amqp.bytes("m"));
            }
            assertThat(ch.waitForConfirms(Amqp.PATIENCE.toMillis())).isTrue();
            assertThat(s.messageCount(q)).isEqualTo(20);
        }
    }

    @EachBroker
    void unroutableIsAckedNotNacked(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String nowhere = s.exchange("direct");
            Confirms confirms = Confirms.on(s.channel);
            confirms.published(1);
            s.channel.basicPublish(nowhere, "nobody", null, Amqp.bytes("lost"));
            await().atMost(Amqp.PATIENCE).until(() -> confirms.acked.contains(1L));
            assertThat(confirms.nacked).isEmpty();
            assertThat(confirms.events).containsExactly("ack:1");
        }
    }
}
