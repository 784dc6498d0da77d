package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.consume-ok echoes a client's consumer tag; for an empty tag the broker makes a unique
 * one, {@code amq.ctag-} followed by 22 URL-safe base64 characters, and deliveries carry it.
 */
class ConsumerTagsAreEchoedOrGenerated {

    @EachBroker
    void clientTag(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            assertThat(s.channel.basicConsume(q, true, "my-tag", inbox)).isEqualTo("my-tag");
            s.send(q, "m");
            assertThat(inbox.next().getEnvelope()).isNotNull();
            assertThat(inbox.getConsumerTag()).isEqualTo("my-tag");
        }
    }

    @EachBroker
    void serverTags(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            String first = s.channel.basicConsume(q, true, new Inbox(s.channel));
            String second = s.channel.basicConsume(q, true, new Inbox(s.channel));
            var other = s.newChannel();
            String onOtherChannel = other.basicConsume(q, true, new Inbox(other));
            assertThat(first).matches("amq\\.ctag-[A-Za-z0-9_-]{22}");
            assertThat(second).matches("amq\\.ctag-[A-Za-z0-9_-]{22}");
            assertThat(onOtherChannel).matches("amq\\.ctag-[A-Za-z0-9_-]{22}");
            assertThat(first).isNotEqualTo(second).isNotEqualTo(onOtherChannel);
        }
    }
}
