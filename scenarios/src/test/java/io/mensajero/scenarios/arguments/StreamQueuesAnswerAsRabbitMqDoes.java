package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The less obvious answers RabbitMQ 3.10 gives about a stream, checked on its node with pika and
 * amqp-client: queue.declare-ok and queue.delete-ok count 0 messages and 0 consumers; delete
 * ignores if-unused and if-empty; an offset past the end waits for that offset; x-stream-offset
 * strings that start with a digit but are no interval get a 406, while other strings, booleans and
 * floats, and basic.recover of a stream's deliveries, make RabbitMQ's stream code fail: 541
 * INTERNAL_ERROR closes the connection; a global prefetch is 540; an exclusive consumer does not
 * keep others out; the management API refuses get and purge with RabbitMQ's reasons.
 */
class StreamQueuesAnswerAsRabbitMqDoes {

    private static String stream(Fixture f) throws Exception {
        return f.durableQueue(args("x-queue-type", "stream"));
    }

    private static void sendOneByOne(Fixture f, String q, String... bodies) throws Exception {
        for (String body : bodies) {
            f.send(q, body);
        }
    }

    @EachBroker
    void declareAndDeleteCountNothingAndDeleteIgnoresItsConditions(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0", "m1", "m2");
            StreamConsumersReadAtTheirOwnPace.Reader reader = new StreamConsumersReadAtTheirOwnPace.Reader(f, q,
                    "first", 10, true);
            reader.await(3);
            AMQP.Queue.DeclareOk ok = f.channel.queueDeclare(q, true, false, false, args("x-queue-type", "stream"));
            assertThat(List.of(ok.getMessageCount(), ok.getConsumerCount())).isEqualTo(List.of(0, 0));
            ok = f.channel.queueDeclarePassive(q);
            assertThat(List.of(ok.getMessageCount(), ok.getConsumerCount())).isEqualTo(List.of(0, 0));
            AMQP.Queue.DeleteOk deleted = f.channel.queueDelete(q, true, true);
            assertThat(deleted.getMessageCount()).isZero();
            assertThat(f.queueExists(q)).as("deleted though used and not empty").isFalse();
        }
    }

    @EachBroker
    void anOffsetPastTheEndWaitsForItAndOneBeforeTheStartReadsFromTheFirst(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0", "m1");
            StreamConsumersReadAtTheirOwnPace.Reader ahead = new StreamConsumersReadAtTheirOwnPace.Reader(f, q, 4L,
                    10, true);
            StreamConsumersReadAtTheirOwnPace.Reader before = new StreamConsumersReadAtTheirOwnPace.Reader(f, q, -5L,
                    10, true);
            assertThat(before.await(2)).containsExactly("m0@0", "m1@1");
            sendOneByOne(f, q, "m2", "m3", "m4", "m5");
            assertThat(ahead.await(2)).containsExactly("m4@4", "m5@5");
        }
    }

    @EachBroker
    void offsetsRabbitMqCannotReadCloseTheConnection(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            String named = "queue '" + q + "' in vhost '/'";
            assertThat(consumeFrom(f, q, "10x")).isEqualTo(Amqp.Failure.channel(406,
                    "PRECONDITION_FAILED - invalid arg 'x-stream-offset' for " + named
                            + ": {invalid_stream_offset_arg,{longstr,<<\"10x\">>}}", 60, 20));
            for (Object v : new Object[] {"foo", true, 1.5}) {
                Amqp.Failure failure = consumeFrom(f, q, v);
                assertThat(List.of(failure.scope(), failure.replyCode(), failure.replyText())).as(String.valueOf(v))
                        .isEqualTo(List.of(Amqp.Scope.CONNECTION, 541, "INTERNAL_ERROR"));
            }
        }
    }

    /** Consumes with the offset and then asks for a round trip, on a fresh connection: how it ends. */
    private static Amqp.Failure consumeFrom(Fixture f, String q, Object offset) throws Exception {
        return f.failureOnOwnConnection(ch -> {
            ch.basicQos(10);
            ch.basicConsume(q, false, args("x-stream-offset", offset), new DefaultConsumer(ch));
            ch.basicQos(10);
        });
    }

    @EachBroker
    void globalPrefetchAndRecoverAreNotForStreams(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0");
            String named = "queue '" + q + "' in vhost '/'";
            assertThat(f.failureOnOwnConnection(ch -> {
                ch.basicQos(10);
                ch.basicQos(5, true);
                ch.basicConsume(q, false, new DefaultConsumer(ch));
            })).isEqualTo(Amqp.Failure.connection(540, "NOT_IMPLEMENTED - " + named + " does not support global qos",
                    60, 20));
            Amqp.Failure recovered = f.failureOnOwnConnection(ch -> {
                BlockingQueue<Long> tags = new LinkedBlockingQueue<>();
                ch.basicQos(10);
                ch.basicConsume(q, false, args("x-stream-offset", "first"),
                        (t, d) -> tags.add(d.getEnvelope().getDeliveryTag()), t -> { });
                assertThat(tags.poll(Fixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
                ch.basicRecover(true);
            });
            assertThat(List.of(recovered.scope(), recovered.replyCode(), recovered.replyText()))
                    .isEqualTo(List.of(Amqp.Scope.CONNECTION, 541, "INTERNAL_ERROR"));
        }
    }

    @EachBroker
    void anExclusiveConsumerDoesNotKeepOthersOut(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            Channel first = f.connection.createChannel();
            first.basicQos(10);
            first.basicConsume(q, false, "exclusive", false, true, null, new DefaultConsumer(first));
            StreamConsumersReadAtTheirOwnPace.Reader other = new StreamConsumersReadAtTheirOwnPace.Reader(f, q,
                    "next", 10, true);
            sendOneByOne(f, q, "m0");
            assertThat(other.await(1)).containsExactly("m0@0");
        }
    }

    @EachBroker
    void theManagementApiCannotGetOrPurgeAStream(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0");
            String named = "queue '" + q + "' in vhost '/'";
            ManagementApi.Response get = api.post("/api/queues/%2F/" + ManagementApi.enc(q) + "/get",
                    Map.of("count", 1, "ackmode", "ack_requeue_true", "encoding", "auto"));
            assertThat(get.status()).isEqualTo(400);
            assertThat(get.json().path("reason").asText())
                    .isEqualTo("540 basic.get not supported by stream queues " + named);
            ManagementApi.Response purge = api.delete("/api/queues/%2F/" + ManagementApi.enc(q) + "/contents");
            assertThat(purge.status()).isEqualTo(400);
            assertThat(purge.json().path("reason").asText()).isEqualTo("queue.purge not supported by stream queues " + named);
        }
    }
}
