package io.mensajero.scenarios.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stream queues beyond the basics: several consumers read the same log independently, each from
 * its own x-stream-offset (an offset, first, next, last, a timestamp, an interval); a consumer's
 * prefetch bounds what it holds unacked and an ack only gives credit back; retention
 * (x-max-length-bytes with a small x-stream-max-segment-size-bytes) drops the oldest segments
 * while offsets stay what they were; the management API shows a queue of type stream. Messages
 * are published one confirm at a time, so that on RabbitMQ each is a chunk of its own (RabbitMQ
 * delivers, and starts "last" at, whole chunks).
 */
class StreamConsumersReadAtTheirOwnPace {

    /** A consumer on its own channel: what it received, as "body@offset", acked unless told not to. */
    static final class Reader {
        final Channel channel;
        final List<String> got = new CopyOnWriteArrayList<>();
        final List<Long> tags = new CopyOnWriteArrayList<>();
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger mostUnacked = new AtomicInteger();

        Reader(Fixture f, String q, Object offset, int prefetch, boolean ack) throws Exception {
            channel = f.connection.createChannel();
            channel.basicQos(prefetch);
            channel.basicConsume(q, false, offset == null ? null : args("x-stream-offset", offset), (t, d) -> {
                got.add(Fixture.text(d.getBody()) + "@" + d.getProperties().getHeaders().get("x-stream-offset"));
                tags.add(d.getEnvelope().getDeliveryTag());
                mostUnacked.accumulateAndGet(got.size() - acked.get(), Math::max);
                if (ack) {
                    acked.incrementAndGet();
                    channel.basicAck(d.getEnvelope().getDeliveryTag(), false);
                }
            }, t -> { });
        }

        List<String> await(int count) {
            org.awaitility.Awaitility.await("a consumer to receive " + count).atMost(Fixture.PATIENCE)
                    .pollInterval(Duration.ofMillis(20)).until(() -> got.size() >= count);
            return new ArrayList<>(got);
        }

        /** The offset of the n-th delivery. */
        long offset(int n) {
            String s = got.get(n);
            return Long.parseLong(s.substring(s.lastIndexOf('@') + 1));
        }

        /** Acks everything received so far (the callback does not). */
        void ackAll() throws Exception {
            long last = tags.get(tags.size() - 1);
            acked.set(got.size());
            channel.basicAck(last, true);
        }
    }

    private static String stream(Fixture f, Object... moreArguments) throws Exception {
        Map<String, Object> a = args(moreArguments);
        a.put("x-queue-type", "stream");
        return f.durableQueue(a);
    }

    /** Publishes each body and waits for its confirm before the next. */
    private static void sendOneByOne(Fixture f, String q, String... bodies) throws Exception {
        for (String body : bodies) {
            f.send(q, body);
        }
    }

    private static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("m" + i + "@" + i);
        }
        return out;
    }

    @EachBroker
    void severalConsumersReadTheSameLogFromTheirOwnOffsets(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0", "m1", "m2", "m3", "m4");
            Reader fromFirst = new Reader(f, q, "first", 10, true);
            Reader fromThree = new Reader(f, q, 3L, 10, true);
            Reader fromNext = new Reader(f, q, "next", 10, true);
            Reader fromLast = new Reader(f, q, "last", 10, true);
            assertThat(fromFirst.await(5)).containsExactlyElementsOf(expected(0, 4));
            assertThat(fromThree.await(2)).containsExactlyElementsOf(expected(3, 4));
            assertThat(fromLast.await(1)).containsExactlyElementsOf(expected(4, 4));
            sendOneByOne(f, q, "m5");
            assertThat(fromFirst.await(6)).containsExactlyElementsOf(expected(0, 5));
            assertThat(fromThree.await(3)).containsExactlyElementsOf(expected(3, 5));
            assertThat(fromNext.await(1)).as("next: only what came after it started").containsExactly("m5@5");
            assertThat(fromLast.await(2)).containsExactlyElementsOf(expected(4, 5));
        }
    }

    @EachBroker
    void timestampsAndIntervalsStartAtATime(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0", "m1");
            Reader anHourBack = new Reader(f, q, "1h", 10, true);
            Reader sinceAnHourAgo = new Reader(f, q, Date.from(Instant.now().minusSeconds(3600)), 10, true);
            Reader fromAnHourAhead = new Reader(f, q, Date.from(Instant.now().plusSeconds(3600)), 10, true);
            assertThat(anHourBack.await(2)).containsExactlyElementsOf(expected(0, 1));
            assertThat(sinceAnHourAgo.await(2)).containsExactlyElementsOf(expected(0, 1));
            sendOneByOne(f, q, "m2");
            assertThat(anHourBack.await(3)).containsExactlyElementsOf(expected(0, 2));
            assertThat(fromAnHourAhead.await(1)).as("a time after every message: the next ones").containsExactly("m2@2");
        }
    }

    @EachBroker
    void aConsumerHoldsNoMoreThanItsPrefetchAndAcksOnlyGiveCreditBack(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0", "m1", "m2", "m3", "m4");
            Reader slow = new Reader(f, q, "first", 2, false);
            assertThat(slow.await(2)).containsExactlyElementsOf(expected(0, 1));
            slow.ackAll();
            assertThat(slow.await(4)).containsExactlyElementsOf(expected(0, 3));
            slow.ackAll();
            assertThat(slow.await(5)).containsExactlyElementsOf(expected(0, 4));
            assertThat(slow.mostUnacked.get()).as("never more unacked than the prefetch").isLessThanOrEqualTo(2);
            assertThat(new Reader(f, q, "first", 10, true).await(5)).as("acked messages stay")
                    .containsExactlyElementsOf(expected(0, 4));
        }
    }

    /**
     * Offsets are not compared with the message count: RabbitMQ's log starts each new segment with
     * a tracking chunk of its own, which takes an offset (seen on 3.10.8: with 500-byte segments a
     * consumer from "first" gets offsets 0, 1, 3, 4, 6...). Mensajero's offsets have no gaps.
     */
    @EachBroker
    void retentionDropsTheOldestSegmentsAndOffsetsStay(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f, "x-max-length-bytes", 2000L, "x-stream-max-segment-size-bytes", 500L);
            String body = "x".repeat(100);
            int total = 60;
            List<Long> published = new ArrayList<>();
            Reader all = new Reader(f, q, "first", 100, true);
            for (int i = 0; i < total; i++) {
                f.send(q, "m" + i + ":" + body);
                all.await(i + 1);
                published.add(all.offset(i));
            }
            await("the oldest segments dropped").atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> firstKept(f, q) > 0);
            Reader r = new Reader(f, q, "first", 100, true);
            r.await(1);
            int firstIndex = published.indexOf(r.offset(0));
            assertThat(firstIndex).as("the first kept is a message published, not the first one").isPositive()
                    .isLessThan(total - 1);
            List<String> expected = new ArrayList<>();
            for (int i = firstIndex; i < total; i++) {
                expected.add("m" + i + ":" + body + "@" + published.get(i));
            }
            assertThat(r.await(total - firstIndex)).as("every message from the first kept on, at its offset")
                    .containsExactlyElementsOf(expected);
        }
    }

    /** Where a consumer from "first" starts now. */
    private static long firstKept(Fixture f, String q) throws Exception {
        Reader r = new Reader(f, q, "first", 1, true);
        r.await(1);
        r.channel.close();
        return r.offset(0);
    }

    @EachBroker
    void theManagementApiShowsAStreamAndItsMessages(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        try (Fixture f = Fixture.open(broker)) {
            String q = stream(f);
            sendOneByOne(f, q, "m0", "m1", "m2");
            JsonNode[] queue = new JsonNode[1];
            await("the API to count 3 messages").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        queue[0] = api.get("/api/queues/%2F/" + ManagementApi.enc(q)).json();
                        return queue[0].path("messages").asInt(-1) == 3;
                    });
            assertThat(queue[0].path("type").asText()).isEqualTo("stream");
            assertThat(queue[0].path("durable").asBoolean()).isTrue();
            assertThat(queue[0].path("arguments").path("x-queue-type").asText()).isEqualTo("stream");
        }
    }
}
