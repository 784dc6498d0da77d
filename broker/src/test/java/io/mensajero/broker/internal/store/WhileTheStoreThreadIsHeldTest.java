package io.mensajero.broker.internal.store;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Command;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.transport.AmqpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop never waits for the disk. The store thread is held on a latch, so no fsync and no read
 * happens until the test lets it: a round trip on another channel, answered after the method under
 * test was handled, shows that the loop goes on and whether the reply went out before. tx.commit-ok
 * comes once the transaction's persistent messages are fsynced; basic.get on a queue whose messages
 * are all on disk answers once they are read back.
 */
class WhileTheStoreThreadIsHeldTest {
    @TempDir
    Path dir;

    private AmqpServer server;
    private Connection connection;
    private final CountDownLatch storeHeld = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = AmqpServer.start(BrokerConfig.builder().port(0).dataDir(dir)
                .memoryHighWatermarkBytes(2_000_000).build());
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(server.address().getPort());
        f.setChannelRpcTimeout(20_000);
        connection = f.newConnection();
    }

    @AfterEach
    void stop() throws Exception {
        storeHeld.countDown();
        connection.abort(2000);
        server.close();
    }

    @Test
    void commitOkWaitsForTheFsyncAndTheLoopGoesOnMeanwhile() throws Exception {
        Channel tx = connection.createChannel();
        Channel other = connection.createChannel();
        tx.queueDeclare("q", true, false, false, null);
        tx.txSelect();
        holdTheStoreThread();

        tx.basicPublish("", "q", MessageProperties.PERSISTENT_BASIC, "persistent".getBytes());
        CompletableFuture<Command> committed = tx.asyncCompletableRpc(new AMQP.Tx.Commit.Builder().build());
        assertThat(other.queueDeclarePassive("q").getMessageCount())
                .as("the loop answers another channel while the commit waits").isEqualTo(1);
        assertThat(committed).as("commit-ok before the fsync").isNotDone();

        storeHeld.countDown();
        assertThat(committed.get(30, TimeUnit.SECONDS).getMethod()).isInstanceOf(AMQP.Tx.CommitOk.class);
    }

    @Test
    void aTransactionWithNothingToFsyncCommitsAtOnce() throws Exception {
        Channel tx = connection.createChannel();
        tx.queueDeclare("durable", true, false, false, null);
        tx.queueDeclare("transient", false, false, false, null);
        tx.txSelect();
        holdTheStoreThread();

        tx.basicPublish("", "durable", MessageProperties.BASIC, "transient message".getBytes());
        tx.basicPublish("", "transient", MessageProperties.PERSISTENT_BASIC, "non-durable queue".getBytes());
        tx.txCommit();
        assertThat(storeHeld.getCount()).as("committed while the store thread is still held").isEqualTo(1);
    }

    @Test
    void basicGetOnAQueueWhoseMessagesAreOnDiskAnswersOnceTheyAreReadBack() throws Exception {
        Channel getter = connection.createChannel();
        Channel other = connection.createChannel();
        getter.queueDeclare("long", false, false, false, null);
        getter.confirmSelect();
        int messages = 5_000;
        for (int i = 0; i < messages; i++) {
            getter.basicPublish("", "long", null, ByteBuffer.allocate(100).putInt(0, i).array());
        }
        getter.waitForConfirmsOrDie(30_000);
        holdTheStoreThread();

        // the head empties (its read-ahead waits on the held store thread), then a get must wait
        CompletableFuture<Command> waiting = null;
        int taken = 0;
        while (waiting == null && taken < messages) {
            CompletableFuture<Command> get = getter.asyncCompletableRpc(new AMQP.Basic.Get.Builder()
                    .queue("long").noAck(true).build());
            int ready = other.queueDeclarePassive("long").getMessageCount();
            if (get.isDone()) {
                assertThat(ByteBuffer.wrap(get.get().getContentBody()).getInt()).isEqualTo(taken);
                taken++;
            } else {
                assertThat(ready).as("messages waiting on disk").isEqualTo(messages - taken);
                waiting = get;
            }
        }
        assertThat(waiting).as("a get that waits for the disk").isNotNull();
        assertThat(taken).as("taken from memory first").isPositive();

        storeHeld.countDown();
        Command got = waiting.get(30, TimeUnit.SECONDS);
        assertThat(got.getMethod()).isInstanceOf(AMQP.Basic.GetOk.class);
        assertThat(ByteBuffer.wrap(got.getContentBody()).getInt()).isEqualTo(taken);
        assertThat(ByteBuffer.wrap(getter.basicGet("long", true).getBody()).getInt()).isEqualTo(taken + 1);
    }

    private void holdTheStoreThread() {
        server.call(() -> {
            server.context().store().submit(io -> {
                try {
                    storeHeld.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
    }
}
