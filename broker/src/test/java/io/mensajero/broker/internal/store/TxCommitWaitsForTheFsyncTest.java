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

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tx.commit-ok comes once the store has fsynced the transaction's persistent messages on durable
 * queues; the loop does not wait for it meanwhile. The store thread is held on a latch, so the
 * fsync cannot happen until the test lets it: a round trip on another channel, answered after the
 * commit was handled, shows whether commit-ok went out before.
 */
class TxCommitWaitsForTheFsyncTest {
    @TempDir
    Path dir;

    private AmqpServer server;
    private Connection connection;
    private final CountDownLatch storeHeld = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = AmqpServer.start(BrokerConfig.builder().port(0).dataDir(dir).build());
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(server.address().getPort());
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
