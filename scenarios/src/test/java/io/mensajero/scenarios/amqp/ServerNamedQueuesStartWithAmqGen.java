package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue.declare with an empty name creates a queue the broker names {@code amq.gen-} followed
 * by 22 URL-safe base64 characters, a new one each time, usable by that name.
 */
class ServerNamedQueuesStartWithAmqGen {
    private static final String SERVER_NAME = "amq\\.gen-[A-Za-z0-9_-]{22}";

    @EachBroker
    void exclusiveServerNamedQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String first = s.channel.queueDeclare().getQueue();
            String second = s.channel.queueDeclare().getQueue();
            assertThat(first).matches(SERVER_NAME);
            assertThat(second).matches(SERVER_NAME).isNotEqualTo(first);
            s.send(first, "by name");
            assertThat(s.getAll(first)).containsExactly("by name");
        }
    }

    @EachBroker
    void nonExclusiveServerNamedQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.track(s.channel.queueDeclare("", false, false, false, null).getQueue());
            assertThat(q).matches(SERVER_NAME);
            assertThat(s.queueExists(q)).isTrue();
        }
    }
}
