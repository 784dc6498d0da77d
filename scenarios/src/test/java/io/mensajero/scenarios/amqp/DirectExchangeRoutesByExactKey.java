package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A direct exchange delivers to every queue bound with exactly the routing key (case-sensitive,
 * the empty key included), once per queue even when a queue has several matching bindings.
 */
class DirectExchangeRoutesByExactKey {

    @EachBroker
    void routingTable(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            String info = s.queue();
            String infoToo = s.queue();
            String errorOrEmpty = s.queue();
            s.channel.queueBind(info, x, "info");
            s.channel.queueBind(infoToo, x, "info");
            s.channel.queueBind(errorOrEmpty, x, "error");
            s.channel.queueBind(errorOrEmpty, x, "");
            for (String key : new String[] {"info", "error", "", "INFO", "info.x", "warning"}) {
                s.publish(x, key, null, "key=" + key);
            }
            assertThat(s.getAll(info)).containsExactly("key=info");
            assertThat(s.getAll(infoToo)).containsExactly("key=info");
            assertThat(s.getAll(errorOrEmpty)).containsExactly("key=error", "key=");
        }
    }

    @EachBroker
    void sameQueueBoundTwiceWithTheSameKeyGetsOneCopy(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            String q = s.queue();
            s.channel.queueBind(q, x, "k");
            s.channel.queueBind(q, x, "k");
            s.publish(x, "k", null, "once");
            assertThat(s.getAll(q)).containsExactly("once");
        }
    }
}
