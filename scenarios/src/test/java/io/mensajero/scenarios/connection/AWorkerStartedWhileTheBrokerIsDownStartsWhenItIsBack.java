package io.mensajero.scenarios.connection;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import io.mensajero.client.Worker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A worker with recovery that starts while its broker is down (here: a port that takes the TCP
 * connection and drops it before the AMQP handshake, as a broker being killed does) keeps trying
 * and starts consuming once the broker is back; without recovery it fails at once (exit 3). This
 * is what a replacement worker started during a broker kill in the chaos test needs. The broker
 * is Mensajero's embedded one: it is the client's behaviour under test, not the broker's.
 */
class AWorkerStartedWhileTheBrokerIsDownStartsWhenItIsBack {

    @Test
    void withRecoveryItRetriesAndConsumesOnceTheBrokerListens() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger dropped = new AtomicInteger();
        int port;
        Worker worker;
        Thread running;
        try (ServerSocket down = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = down.getLocalPort();
            Thread dropper = new Thread(() -> dropConnections(down, dropped), "dropper");
            dropper.start();
            worker = Worker.builder().queue("startup-" + System.nanoTime()).durable(false)
                    .settings(ConnectionSettings.fromUri("amqp://guest:guest@localhost:" + port + "/%2F")
                            .withRecovery(true))
                    .listener(events::add).build();
            running = new Thread(() -> {
                try {
                    worker.run();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "worker");
            running.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> dropped.get() >= 2 || failure.get() != null);
            assertThat(failure.get()).as("the worker's failure while the broker was down").isNull();
        }
        try (Broker broker = Broker.start(BrokerConfig.builder().port(port).build())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> failure.get() != null
                    || events.stream().anyMatch(e -> e.type() == EventType.CONSUMING));
            assertThat(failure.get()).as("the worker's failure").isNull();
            worker.stop("test");
            running.join(30_000);
            assertThat(running.isAlive()).isFalse();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void withoutRecoveryItFailsAtOnce() throws Exception {
        try (ServerSocket down = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger dropped = new AtomicInteger();
            Thread dropper = new Thread(() -> dropConnections(down, dropped), "dropper");
            dropper.start();
            Worker worker = Worker.builder().queue("startup").durable(false)
                    .settings(ConnectionSettings.fromUri("amqp://guest:guest@localhost:" + down.getLocalPort() + "/%2F")
                            .withRecovery(false))
                    .build();
            assertThatThrownBy(worker::run).isInstanceOfSatisfying(MensajeroException.class,
                    e -> assertThat(e.failure()).isEqualTo(Failure.UNREACHABLE));
            assertThat(dropped.get()).isEqualTo(1);
        }
    }

    /** Takes each TCP connection and closes it at once, until the socket is closed. */
    private static void dropConnections(ServerSocket server, AtomicInteger dropped) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                dropped.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
