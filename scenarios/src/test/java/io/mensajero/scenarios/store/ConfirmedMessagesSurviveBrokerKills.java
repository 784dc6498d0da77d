package io.mensajero.scenarios.store;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Random;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test of issue 8. This JVM publishes 100,000 persistent messages with confirms to a
 * durable queue on Mensajero's broker, a separate process that is SIGKILLed at six random
 * moments while it does and started again on the same data directory each time. Afterwards
 * every confirmed message is in the queue, in publishing order; duplicates and unconfirmed
 * survivors are counted and reported. Mensajero only: RabbitMQ is not ours to kill.
 */
class ConfirmedMessagesSurviveBrokerKills {
    private static final int MESSAGES = 100_000;
    private static final int KILLS = 6;
    private static final int WINDOW = 500;
    private static final String QUEUE = "crash-test";

    @TempDir
    Path dataDir;

    @Test
    void everyConfirmedMessageSurvivesRepeatedSigkills() throws Exception {
        Random random = new Random();
        int[] killAt = random.ints(KILLS, MESSAGES / 20, MESSAGES * 9 / 10).sorted().toArray();
        BitSet confirmed = new BitSet(MESSAGES);
        int kills = 0;
        int next = 0;
        try (KilledBroker broker = new KilledBroker(dataDir)) {
            broker.start();
            while (next < MESSAGES) {
                ConcurrentNavigableMap<Long, Integer> outstanding = new ConcurrentSkipListMap<>();
                AtomicInteger confirmedCount = new AtomicInteger(confirmed.cardinality());
                try (Connection c = connect(broker.port())) {
                    Channel ch = c.createChannel();
                    ch.queueDeclare(QUEUE, true, false, false, null);
                    ch.confirmSelect();
                    ch.addConfirmListener((tag, multiple) -> {
                        var done = multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
                        synchronized (confirmed) {
                            done.values().forEach(confirmed::set);
                            confirmedCount.set(confirmed.cardinality());
                        }
                        done.clear();
                    }, (tag, multiple) -> {
                        var done = multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
                        done.clear();
                    });
                    while (next < MESSAGES) {
                        if (kills < KILLS && confirmedCount.get() >= killAt[kills]) {
                            Thread.sleep(random.nextInt(20));
                            broker.kill();
                            kills++;
                            break;
                        }
                        while (outstanding.size() >= WINDOW) {
                            Thread.onSpinWait();
                            if (!c.isOpen()) {
                                break;
                            }
                        }
                        outstanding.put(ch.getNextPublishSeqNo(), next);
                        ch.basicPublish("", QUEUE, MessageProperties.PERSISTENT_BASIC, body(next));
                        next++;
                    }
                    if (next == MESSAGES) {
                        long deadline = System.nanoTime() + 30_000_000_000L;
                        while (!outstanding.isEmpty() && System.nanoTime() < deadline && c.isOpen()) {
                            Thread.sleep(10);
                        }
                    }
                } catch (java.io.IOException | com.rabbitmq.client.ShutdownSignalException e) {
                    // the broker died under us: unconfirmed messages may or may not have survived
                }
                if (!brokerAlive(broker)) {
                    broker.start();
                }
            }
            broker.kill();
            kills++;
            broker.start();
            int confirmedTotal = confirmed.cardinality();
            BitSet seen = new BitSet(MESSAGES);
            int duplicates = 0;
            int outOfOrder = 0;
            int received = 0;
            int last = -1;
            try (Connection c = connect(broker.port())) {
                Channel ch = c.createChannel();
                GetResponse r;
                while ((r = ch.basicGet(QUEUE, true)) != null) {
                    int id = ByteBuffer.wrap(r.getBody()).getInt();
                    received++;
                    if (seen.get(id)) {
                        duplicates++;
                        continue;
                    }
                    seen.set(id);
                    if (id < last) {
                        outOfOrder++;
                    }
                    last = id;
                }
            }
            BitSet lost = (BitSet) confirmed.clone();
            lost.andNot(seen);
            BitSet unconfirmedSurvivors = (BitSet) seen.clone();
            unconfirmedSurvivors.andNot(confirmed);
            System.out.printf("crash test: %d published, %d confirmed, %d SIGKILLs, %d received, %d lost, "
                            + "%d duplicates, %d unconfirmed survivors, %d out of order%n", next, confirmedTotal, kills,
                    received, lost.cardinality(), duplicates, unconfirmedSurvivors.cardinality(), outOfOrder);
            assertThat(kills).isGreaterThanOrEqualTo(5);
            assertThat(lost.cardinality()).as("confirmed messages lost").isZero();
            assertThat(outOfOrder).as("messages out of publishing order").isZero();
            assertThat(confirmedTotal).isGreaterThan(MESSAGES / 2);
        }
    }

    private static boolean brokerAlive(KilledBroker broker) {
        try (Connection c = connect(broker.port())) {
            return c.isOpen();
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] body(int id) {
        return ByteBuffer.allocate(100).putInt(0, id).array();
    }

    static Connection connect(int port) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(port);
        f.setAutomaticRecoveryEnabled(false);
        f.setConnectionTimeout(5000);
        return f.newConnection();
    }
}
