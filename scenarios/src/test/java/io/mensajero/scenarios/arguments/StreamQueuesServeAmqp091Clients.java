package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * x-queue-type stream, as RabbitMQ 3.10 serves it to AMQP 0-9-1 clients: an append-only log.
 * Publishing works as for any queue. Consuming needs a prefetch (basic.qos) and manual acks; each
 * delivery carries its offset in the x-stream-offset header; a consumer starts at x-stream-offset
 * (first, last, next, an offset, a timestamp, an interval; next by default), and acked messages
 * stay for the next reader. basic.get, auto-ack, nack, reject and purge are not implemented
 * (540, the connection closes).
 */
class StreamQueuesServeAmqp091Clients {

    private static String stream(Fixture f) throws Exception {
        return f.durableQueue(args("x-queue-type", "stream"));
    }

    private static List<String> consume(Fixture f, String q, Map<String, Object> arguments, int count)
            throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        Channel ch = f.connection.createChannel();
        ch.basicQos(10);
        ch.basicConsume(q, false, arguments, (t, d) -> {
            got.add(Fixture.text(d.getBody()) + "@" + d.getProperties().getHeaders().get("x-stream-offset"));
            ch.basicAck(d.getEnvelope().getDeliveryTag(), false);
        }, t -> { });
        await().atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> got.size() >= count);
        return got;
    }

    @EachBroker
    void consumersReadTheLogFromTheirOffset(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            f.send(q, "s0", "s1", "s2");
            assertThat(consume(f, q, args("x-stream-offset", "first"), 3)).containsExactly("s0@0", "s1@1", "s2@2");
            assertThat(consume(f, q, args("x-stream-offset", "first"), 3)).as("acked messages stay")
                    .containsExactly("s0@0", "s1@1", "s2@2");
            assertThat(consume(f, q, args("x-stream-offset", 1L), 2)).containsExactly("s1@1", "s2@2");
            List<String> next = consume(f, q, null, 0);
            f.send(q, "s3");
            await().atMost(Fixture.PATIENCE).until(() -> next.size() == 1);
            assertThat(next).containsExactly("s3@3");
        }
    }

    @EachBroker
    void whatStreamsDoNotDoIsRefused(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            String named = "queue '" + q + "' in vhost '/'";
            assertThat(f.failure(ch -> ch.basicConsume(q, false, new DefaultConsumer(ch)))).isEqualTo(
                    Amqp.Failure.channel(406, "PRECONDITION_FAILED - consumer prefetch count is not set for '"
                            + named + "'", 60, 20));
            assertThat(f.failureOnOwnConnection(ch -> {
                ch.basicQos(10);
                ch.basicConsume(q, true, new DefaultConsumer(ch));
            })).isEqualTo(Amqp.Failure.connection(540, "NOT_IMPLEMENTED - automatic acknowledgement not supported "
                    + "by stream queues " + named, 60, 20));
            assertThat(f.failureOnOwnConnection(ch -> ch.basicGet(q, false))).isEqualTo(Amqp.Failure.connection(540,
                    "NOT_IMPLEMENTED - basic.get not supported by stream queues " + named, 60, 70));
            assertThat(f.failureOnOwnConnection(ch -> ch.queuePurge(q))).isEqualTo(Amqp.Failure.connection(540,
                    "NOT_IMPLEMENTED - queue.purge not supported by stream queues " + named, 50, 30));
            assertThat(f.failure(ch -> {
                ch.basicQos(10);
                ch.basicConsume(q, false, args("x-stream-offset", "0"), new DefaultConsumer(ch));
            })).isEqualTo(Amqp.Failure.channel(406, "PRECONDITION_FAILED - invalid arg 'x-stream-offset' for "
                    + named + ": {invalid_stream_offset_arg,{longstr,<<\"0\">>}}", 60, 20));
        }
    }

    @EachBroker
    void nackingAStreamMessageClosesTheConnection(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            f.send(q, "s0");
            String named = "queue '" + q + "' in vhost '/'";
            assertThat(f.failureOnOwnConnection(ch -> {
                ch.basicQos(10);
                java.util.concurrent.BlockingQueue<Long> tags = new java.util.concurrent.LinkedBlockingQueue<>();
                ch.basicConsume(q, false, args("x-stream-offset", "first"),
                        (t, d) -> tags.add(d.getEnvelope().getDeliveryTag()), t -> { });
                Long tag = tags.poll(Fixture.PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                ch.basicNack(tag, false, true);
            })).isEqualTo(Amqp.Failure.connection(540, "NOT_IMPLEMENTED - basic.nack and basic.reject not supported "
                    + "by stream queues " + named, 60, 120));
        }
    }
}
