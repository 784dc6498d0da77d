package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passive declare only asks whether the entity exists: the type, flags and arguments sent with
 * it are ignored, so no equivalence error arises. (amqp-client's passive methods send defaults,
 * so these declares are sent raw with conflicting properties.)
 */
class PassiveDeclareOnlyChecksExistence {

    @EachBroker
    void exchange(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            s.channel.rpc(new AMQP.Exchange.Declare.Builder().exchange(x).type("fanout").passive(true)
                    .durable(true).autoDelete(true).internal(true).arguments(Map.of("alternate-exchange", "ae")).build());
            Amqp.roundTrip(s.channel);
            // and it did not change it: a non-passive redeclare as it was still matches
            s.channel.exchangeDeclare(x, "direct", false, false, null);
        }
    }

    @EachBroker
    void queue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "m");
            var reply = s.channel.rpc(new AMQP.Queue.Declare.Builder().queue(q).passive(true).durable(true)
                    .exclusive(true).autoDelete(true).arguments(Map.of("x-max-length", 1)).build());
            AMQP.Queue.DeclareOk ok = (AMQP.Queue.DeclareOk) reply.getMethod();
            assertThat(ok.getQueue()).isEqualTo(q);
            assertThat(ok.getMessageCount()).isEqualTo(1);
            s.channel.queueDeclare(q, false, false, false, null);
        }
    }
}
