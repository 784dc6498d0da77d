package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.ArrayList;
import java.util.List;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * x-max-length and x-max-length-bytes (ready messages, body bytes) with x-overflow: drop-head
 * (the default) drops or dead-letters the oldest with reason maxlen; reject-publish refuses the
 * new message with a publisher nack; reject-publish-dlx refuses it and dead-letters it too
 * (classic queues). A quorum queue checks the limit after an enqueue: the message that takes it
 * over the limit is taken, the next ones are refused.
 */
class LengthLimitsDropOrRejectMessages {

    @EachBroker
    void theOldestMessagesAreDropped(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-max-length", 2));
            f.send(q, "m1", "m2", "m3", "m4");
            assertThat(f.drain(q)).containsExactly("m3", "m4");
            String bytes = f.queue(args("x-max-length-bytes", 10));
            f.send(bytes, "aaaaa", "bbbbb", "ccccc", "dd");
            assertThat(f.drain(bytes)).containsExactly("ccccc", "dd");
        }
    }

    @EachBroker
    void droppedHeadsAreDeadLetteredAsMaxlen(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.queue(args("x-max-length", 1, "x-dead-letter-exchange", "", "x-dead-letter-routing-key", dlq));
            f.send(q, "old", "new");
            f.awaitReady(dlq, 1);
            GetResponse r = f.get(dlq);
            assertThat(Fixture.text(r.getBody())).isEqualTo("old");
            assertThat(Deaths.of(r)).containsExactly(Deaths.Death.of(1, "maxlen", q, "", q));
            assertThat(f.drain(q)).containsExactly("new");
        }
    }

    @EachBroker
    void rejectPublishNacksTheNewMessage(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.queue(args("x-max-length", 1, "x-overflow", "reject-publish", "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", dlq));
            assertThat(f.publishAcked("", q, null, "fits")).isTrue();
            assertThat(f.publishAcked("", q, null, "refused")).isFalse();
            assertThat(f.drain(q)).containsExactly("fits");
            assertThat(f.publishAcked("", q, null, "fits-again")).isTrue();
            assertThat(f.ready(dlq)).as("reject-publish does not dead-letter").isZero();
        }
    }

    @EachBroker
    void rejectPublishDlxNacksAndDeadLetters(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.queue(args("x-max-length", 1, "x-overflow", "reject-publish-dlx", "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", dlq));
            assertThat(f.publishAcked("", q, null, "fits")).isTrue();
            assertThat(f.publishAcked("", q, null, "refused")).isFalse();
            GetResponse r = f.awaitGet(dlq);
            assertThat(Fixture.text(r.getBody())).isEqualTo("refused");
            assertThat(Deaths.of(r)).containsExactly(Deaths.Death.of(1, "maxlen", q, "", q));
            assertThat(f.drain(q)).containsExactly("fits");
        }
    }

    @EachBroker
    void aNackGoesOnlyToThePublisherWhoseMessageWasRefused(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String full = f.queue(args("x-max-length", 0, "x-overflow", "reject-publish"));
            String open = f.queue(null);
            String x = f.exchange("fanout", null);
            f.bind(full, x, "");
            f.bind(open, x, "");
            assertThat(f.publishAcked(x, "", null, "one-queue-refuses")).as("nacked when any queue refuses").isFalse();
            assertThat(f.drain(open)).containsExactly("one-queue-refuses");
        }
    }

    @EachBroker
    void unackedMessagesDoNotCountTowardsTheLimit(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-max-length", 1, "x-overflow", "reject-publish"));
            Channel ch = f.connection.createChannel();
            assertThat(f.publishAcked("", q, null, "taken")).isTrue();
            assertThat(ch.basicGet(q, false)).isNotNull();
            assertThat(f.publishAcked("", q, null, "ready")).isTrue();
            List<Boolean> more = new ArrayList<>();
            more.add(f.publishAcked("", q, null, "over"));
            assertThat(more).containsExactly(false);
        }
    }

    @EachBroker
    void quorumQueuesRejectPublishToo(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.quorumQueue("x-max-length", 1, "x-overflow", "reject-publish");
            assertThat(f.publishAcked("", q, null, "fits")).isTrue();
            assertThat(f.publishAcked("", q, null, "goes-over")).as("a quorum queue takes one past the limit")
                    .isTrue();
            assertThat(f.publishAcked("", q, null, "refused")).isFalse();
            assertThat(f.ready(q)).isEqualTo(2);
            String dropping = f.quorumQueue("x-max-length", 1);
            f.send(dropping, "q1", "q2");
            f.awaitReady(dropping, 1);
            assertThat(f.drain(dropping)).containsExactly("q2");
        }
    }
}
