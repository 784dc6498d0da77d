package io.mensajero.broker.internal.store;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues far longer than their in-memory window: with a small memory limit the broker pages
 * messages to its data directory and hands them all back in order, requeues included. (Whether
 * publishers are ever blocked depends on how fast the store thread writes, so it is measured in
 * bench/store-bench.sh, not asserted here.)
 */
class PagingTest {
    private static final int MESSAGES = 30_000;

    @TempDir
    Path dir;

    private Broker start() {
        return Broker.start(BrokerConfig.builder().port(0).dataDir(dir).memoryHighWatermarkBytes(2_000_000).build());
    }

    private static Connection connect(Broker b) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(b.port());
        return f.newConnection();
    }

    private static byte[] body(int i) {
        return ByteBuffer.allocate(100).putInt(0, i).array();
    }

    @Test
    void aLongTransientQueueIsPagedOutAndComesBackInOrder() throws Exception {
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            ch.queueDeclare("long", false, false, false, null);
            ch.confirmSelect();
            for (int i = 0; i < MESSAGES; i++) {
                ch.basicPublish("", "long", null, body(i));
            }
            ch.waitForConfirmsOrDie(30_000);
            assertThat(ch.queueDeclarePassive("long").getMessageCount()).isEqualTo(MESSAGES);

            List<GetResponse> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(ch.basicGet("long", false));
            }
            ch.basicNack(held.get(4).getEnvelope().getDeliveryTag(), true, true);
            for (int i = 0; i < MESSAGES; i++) {
                GetResponse r = ch.basicGet("long", true);
                assertThat(ByteBuffer.wrap(r.getBody()).getInt()).isEqualTo(i);
                assertThat(r.getEnvelope().isRedeliver()).isEqualTo(i < 5);
            }
            assertThat(ch.basicGet("long", true)).isNull();
        }
    }

    @Test
    void aPurgeCountsWhatIsOnDiskToo() throws Exception {
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            ch.queueDeclare("purged", true, false, false, null);
            ch.confirmSelect();
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
            for (int i = 0; i < MESSAGES; i++) {
                ch.basicPublish("", "purged", persistent, body(i));
            }
            ch.waitForConfirmsOrDie(30_000);
            assertThat(ch.queuePurge("purged").getMessageCount()).isEqualTo(MESSAGES);
            assertThat(ch.basicGet("purged", true)).isNull();
            ch.basicPublish("", "purged", persistent, body(-1));
            ch.waitForConfirmsOrDie(10_000);
        }
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            assertThat(ch.queueDeclarePassive("purged").getMessageCount()).as("after a restart").isEqualTo(1);
        }
    }

    @Test
    void aLongDurableQueueOfPersistentMessagesSurvivesARestart() throws Exception {
        AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            ch.queueDeclare("kept", true, false, false, null);
            ch.confirmSelect();
            for (int i = 0; i < MESSAGES; i++) {
                ch.basicPublish("", "kept", persistent, body(i));
            }
            ch.waitForConfirmsOrDie(30_000);
            for (int i = 0; i < 100; i++) {
                ch.basicGet("kept", true);
            }
        }
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            assertThat(ch.queueDeclarePassive("kept").getMessageCount()).isEqualTo(MESSAGES - 100);
            for (int i = 100; i < MESSAGES; i++) {
                GetResponse r = ch.basicGet("kept", true);
                assertThat(ByteBuffer.wrap(r.getBody()).getInt()).isEqualTo(i);
            }
            assertThat(ch.basicGet("kept", true)).isNull();
        }
    }
}
