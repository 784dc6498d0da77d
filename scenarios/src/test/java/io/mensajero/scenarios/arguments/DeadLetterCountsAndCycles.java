package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message dead-lettered again: the x-death entry of the same queue and reason counts up and
 * moves to the front, other deaths stay (one entry per queue and reason); x-first-death-* keep
 * the first. A message that would come back to a queue it died in, without a rejection on the
 * way, is dropped from that queue (RabbitMQ's cycle detection); a rejection breaks the cycle.
 */
class DeadLetterCountsAndCycles {

    private static void reject(Fixture f, String queue) throws Exception {
        GetResponse r = f.awaitGetNoAck(queue);
        f.channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
    }

    @EachBroker
    void repeatedRejectionsCountPerQueueAndReason(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String a = f.name("ping");
            String b = f.name("pong");
            f.channel.queueDeclare(a, false, false, false, args("x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", b));
            f.channel.queueDeclare(b, false, false, false, args("x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", a));
            f.send(a, "ball");
            reject(f, a);
            reject(f, b);
            reject(f, a);
            GetResponse r = f.awaitGet(b);
            assertThat(Deaths.of(r)).containsExactly(
                    Deaths.Death.of(2, "rejected", a, "", a),
                    Deaths.Death.of(1, "rejected", b, "", b));
            assertThat(Deaths.firstAndLast(r)).isEqualTo(Deaths.first("rejected", a, ""));
        }
    }

    @EachBroker
    void aMessageExpiringBackIntoItsOwnQueueIsDropped(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlx = f.exchange("fanout", null);
            String seen = f.queue(null);
            f.bind(seen, dlx, "");
            String q = f.queue(args("x-message-ttl", 20, "x-dead-letter-exchange", dlx));
            f.bind(q, dlx, "");
            f.send(q, "cycling");
            GetResponse r = f.awaitGet(seen);
            assertThat(Deaths.of(r)).containsExactly(Deaths.Death.of(1, "expired", q, "", q));
            assertThat(f.ready(q)).as("the copy routed back to " + q + " was dropped").isZero();
        }
    }

    @EachBroker
    void aRejectionOnTheWayBreaksTheCycle(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String waiting = f.name("waiting");
            String work = f.name("work");
            f.channel.queueDeclare(waiting, false, false, false, args("x-message-ttl", 20,
                    "x-dead-letter-exchange", "", "x-dead-letter-routing-key", work));
            f.channel.queueDeclare(work, false, false, false, args("x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", waiting));
            f.publish("", waiting, new AMQP.BasicProperties.Builder().expiration("60000").build(), "retry");
            reject(f, work);
            GetResponse r = f.awaitGet(work);
            assertThat(Deaths.of(r)).containsExactly(
                    Deaths.Death.of(2, "expired", waiting, "", waiting).withOriginalExpiration("60000"),
                    Deaths.Death.of(1, "rejected", work, "", work));
        }
    }
}
