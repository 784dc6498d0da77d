package io.mensajero.broker.internal.store;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream queues on the embedded broker with a data directory: a stream longer than the window
 * kept in memory is read from disk by consumers at any offset, offsets and messages survive a
 * restart, retention deletes whole segment files from the head.
 */
class StreamLogTest {
    @TempDir
    Path dir;

    private Broker start() {
        return Broker.start(BrokerConfig.builder().port(0).dataDir(dir).build());
    }

    private static Connection connect(Broker b) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(b.port());
        return f.newConnection();
    }

    private static void publish(Connection c, String q, int from, int to, int size) throws Exception {
        Channel ch = c.createChannel();
        ch.confirmSelect();
        for (int i = from; i < to; i++) {
            byte[] id = ("m" + i + ":").getBytes(StandardCharsets.UTF_8);
            ch.basicPublish("", q, null, java.util.Arrays.copyOf(id, Math.max(id.length, size)));
        }
        ch.waitForConfirmsOrDie(30_000);
        ch.close();
    }

    /** Consumes {@code count} messages from the offset, checking each one's offset header against its body. */
    private static List<Long> consume(Connection c, String q, Object offset, int count) throws Exception {
        List<Long> offsets = new CopyOnWriteArrayList<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        Channel ch = c.createChannel();
        ch.basicQos(300);
        ch.basicConsume(q, false, Map.of("x-stream-offset", offset), (t, d) -> {
            long o = (Long) d.getProperties().getHeaders().get("x-stream-offset");
            String body = new String(d.getBody(), StandardCharsets.UTF_8);
            if (!body.startsWith("m" + o + ":")) {
                wrong.add(o + " " + body.substring(0, Math.min(12, body.length())));
            }
            offsets.add(o);
            if (ch.isOpen()) {
                try {
                    ch.basicAck(d.getEnvelope().getDeliveryTag(), false);
                } catch (com.rabbitmq.client.AlreadyClosedException closing) {
                    // the test has what it waited for and closes the channel
                }
            }
        }, t -> { });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (offsets.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        ch.close();
        assertThat(wrong).isEmpty();
        return new ArrayList<>(offsets);
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("queues"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".seg")).count();
        }
    }

    @Test
    void aLongStreamIsReadFromDiskAtAnyOffsetAndKeepsItsOffsetsAcrossARestart() throws Exception {
        int n = 6000;
        try (Broker b = start(); Connection c = connect(b)) {
            c.createChannel().queueDeclare("s", true, false, false, Map.of("x-queue-type", "stream"));
            publish(c, "s", 0, n, 10);
            assertThat(consume(c, "s", "first", n)).containsExactlyElementsOf(range(0, n));
            assertThat(consume(c, "s", 10L, n - 10)).containsExactlyElementsOf(range(10, n));
            assertThat(consume(c, "s", 5990L, 10)).containsExactlyElementsOf(range(5990, n));
        }
        try (Broker b = start(); Connection c = connect(b)) {
            assertThat(c.createChannel().queueDeclarePassive("s").getMessageCount()).as("as RabbitMQ's").isZero();
            publish(c, "s", n, n + 5, 10);
            assertThat(consume(c, "s", "first", n + 5)).containsExactlyElementsOf(range(0, n + 5));
            assertThat(consume(c, "s", "last", 1)).containsExactly((long) n + 4);
            assertThat(consume(c, "s", (long) n - 2, 7)).containsExactlyElementsOf(range(n - 2, n + 5));
        }
    }

    @Test
    void retentionDeletesWholeSegmentsFromTheHead() throws Exception {
        long first;
        try (Broker b = start(); Connection c = connect(b)) {
            c.createChannel().queueDeclare("r", true, false, false, Map.of("x-queue-type", "stream",
                    "x-max-length-bytes", 20_000L, "x-stream-max-segment-size-bytes", 4_000L));
            publish(c, "r", 0, 1000, 100);
            first = consume(c, "r", "first", 1).get(0);
            assertThat(first).isPositive();
            assertThat(segmentFiles()).as("segments kept: 20 kB in 4 kB segments").isBetween(5L, 7L);
            assertThat(consume(c, "r", "first", (int) (1000 - first))).containsExactlyElementsOf(range(first, 1000));
        }
        try (Broker b = start(); Connection c = connect(b)) {
            assertThat(consume(c, "r", "first", (int) (1000 - first))).containsExactlyElementsOf(range(first, 1000));
        }
    }
}
