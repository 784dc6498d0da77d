package io.mensajero.broker.internal.store;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damage at the end of the newest segment, as a crash in the middle of a write or a bad disk
 * leaves it: a record cut short, a record whose bytes were garbled, random bytes. The store cuts
 * the segment at the last good record and reports how much it dropped; every confirmed message
 * before the damage is still there, in order.
 */
class DamagedSegmentsAreCutTest {
    private static final int MESSAGES = 200;

    @TempDir
    Path dir;

    @Test
    void aRecordCutShort() throws Exception {
        Path segment = publishAndStop();
        byte[] all = Files.readAllBytes(segment);
        byte[] lastRecord = java.util.Arrays.copyOfRange(all, all.length - recordSize(), all.length);
        append(segment, java.util.Arrays.copyOf(lastRecord, lastRecord.length / 2));
        assertRecovered(lastRecord.length / 2);
    }

    @Test
    void aRecordWithAGarbledByte() throws Exception {
        Path segment = publishAndStop();
        byte[] all = Files.readAllBytes(segment);
        byte[] copy = java.util.Arrays.copyOfRange(all, all.length - recordSize(), all.length);
        copy[copy.length - 3] ^= 0x5A;
        append(segment, copy);
        assertRecovered(copy.length);
    }

    @Test
    void randomBytes() throws Exception {
        Path segment = publishAndStop();
        byte[] junk = new byte[777];
        new Random(8).nextBytes(junk);
        append(segment, junk);
        assertRecovered(junk.length);
    }

    @Test
    void zeroesAfterTheLastRecord() throws Exception {
        Path segment = publishAndStop();
        append(segment, new byte[4096]);
        assertRecovered(4096);
    }

    private static int recordSize() {
        return Records.RECORD_OVERHEAD + 1 + 1 + 1 + "q".length() + 4 + propsLength() + 100;
    }

    private static int propsLength() {
        return 3; // flags word and delivery_mode
    }

    private Path publishAndStop() throws Exception {
        try (Broker b = Broker.start(BrokerConfig.builder().port(0).dataDir(dir).build())) {
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(b.port());
            try (Connection c = f.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclare("q", true, false, false, null);
                ch.confirmSelect();
                for (int i = 0; i < MESSAGES; i++) {
                    ch.basicPublish("", "q", MessageProperties.PERSISTENT_BASIC, ByteBuffer.allocate(100).putInt(0, i).array());
                }
                ch.waitForConfirmsOrDie(10_000);
            }
        }
        try (Stream<Path> files = Files.walk(dir.resolve("queues"))) {
            List<Path> segments = files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
            assertThat(segments).isNotEmpty();
            return segments.get(segments.size() - 1);
        }
    }

    private static void append(Path segment, byte[] bytes) throws Exception {
        Files.write(segment, bytes, StandardOpenOption.APPEND);
    }

    private void assertRecovered(long damagedBytes) throws Exception {
        Store store = Store.open(dir, 0, Runnable::run, new Store.Listener() {
            @Override
            public void synced(long upTo) {
            }

            @Override
            public void released(long heapBytes) {
            }

            @Override
            public void diskAlarm(boolean raised) {
            }
        });
        try {
            QueueLog log = store.durableQueue("/", "q", true);
            assertThat(log.tailCount()).isEqualTo(MESSAGES);
            assertThat(store.bytesDroppedAtRecovery()).isEqualTo(damagedBytes);
        } finally {
            store.close();
        }
        try (Broker b = Broker.start(BrokerConfig.builder().port(0).dataDir(dir).build())) {
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(b.port());
            try (Connection c = f.newConnection()) {
                Channel ch = c.createChannel();
                for (int i = 0; i < MESSAGES; i++) {
                    GetResponse r = ch.basicGet("q", true);
                    assertThat(ByteBuffer.wrap(r.getBody()).getInt()).isEqualTo(i);
                }
                assertThat(ch.basicGet("q", true)).isNull();
            }
        }
    }
}
