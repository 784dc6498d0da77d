package io.mensajero.broker.internal.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing through the vhost: each queue once, in the order first reached, however it is reached. */
class RoutingTest {
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(1_000_000), new ManualTimers());

    private static Message message(String routingKey) {
        return new Message("x", routingKey, new byte[] {0, 0}, new byte[0]);
    }

    private List<MessageQueue> queues(int n, String prefix) {
        List<MessageQueue> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(vhost.declareQueue(prefix + i, false, false, false, Map.of(), null));
        }
        return list;
    }

    @Test
    void aQueueBoundTwiceGetsAPublishOnce() {
        Exchange x = vhost.declareExchange("x", "fanout", false, false, false, Map.of());
        List<MessageQueue> qs = queues(3, "q");
        for (MessageQueue q : qs) {
            vhost.bind("x", q, "a", Map.of());
            vhost.bind("x", q, "b", Map.of());
        }
        assertThat(vhost.route(x, message("k"))).containsExactlyElementsOf(qs);
    }

    @Test
    void aFanoutToManyQueuesReachesEachOnceInBindingOrder() {
        Exchange x = vhost.declareExchange("x", "fanout", false, false, false, Map.of());
        List<MessageQueue> qs = queues(50, "q");
        for (MessageQueue q : qs) {
            vhost.bind("x", q, "a", Map.of());
        }
        for (MessageQueue q : qs) {
            vhost.bind("x", q, "b", Map.of());
        }
        assertThat(vhost.route(x, message("k"))).hasSize(50).containsExactlyElementsOf(qs);
    }

    @Test
    void exchangeToExchangeBindingsWithACycleReachEachQueueOnce() {
        Exchange x = vhost.declareExchange("x", "direct", false, false, false, Map.of());
        Exchange y = vhost.declareExchange("y", "fanout", false, false, false, Map.of());
        List<MessageQueue> qs = queues(2, "q");
        vhost.bind("x", qs.get(0), "k", Map.of());
        vhost.bind("x", y, "k", Map.of());
        vhost.bind("y", x, "", Map.of());
        vhost.bind("y", qs.get(0), "", Map.of());
        vhost.bind("y", qs.get(1), "", Map.of());
        assertThat(vhost.route(x, message("k"))).containsExactly(qs.get(0), qs.get(1));
        assertThat(vhost.route(x, message("other"))).isEmpty();
    }
}
