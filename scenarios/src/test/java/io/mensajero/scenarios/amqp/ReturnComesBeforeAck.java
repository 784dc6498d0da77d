package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In confirm mode a mandatory message that no queue takes gets its basic.return before its
 * basic.ack (and is acked, not nacked), so a publisher knows it was returned once it is confirmed.
 */
class ReturnComesBeforeAck {

    @EachBroker
    void returnThenAck(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String nowhere = s.exchange("direct");
            String q = s.queue();
            Confirms confirms = Confirms.on(s.channel);
            confirms.published(1);
            s.channel.basicPublish(nowhere, "nobody", true, null, Amqp.bytes("unroutable"));
            confirms.published(2);
            s.channel.basicPublish("", q, true, null, Amqp.bytes("routed"));
            confirms.published(3);
            s.channel.basicPublish(nowhere, "nobody", true, null, Amqp.bytes("unroutable too"));
            await().atMost(Amqp.PATIENCE).until(() -> confirms.acked.size() == 3);
            assertThat(confirms.events).containsSubsequence("return:unroutable", "ack:1");
            assertThat(confirms.events).containsSubsequence("return:unroutable too", "ack:3");
            assertThat(confirms.events).filteredOn(e -> e.startsWith("return:"))
                    .containsExactly("return:unroutable", "return:unroutable too");
            assertThat(confirms.nacked).isEmpty();
        }
    }
}
