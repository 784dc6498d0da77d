package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.ConnectionHandle;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.model.QueueFlow;
import io.mensajero.broker.internal.transport.AmqpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flow control end to end, through amqp-client: a consumer stops reading its socket while a
 * publisher keeps publishing to its queue. Mensajero only: RabbitMQ lets such a queue grow (its
 * credit flow holds a publisher only when a queue process cannot keep up), so this is not a
 * scenario of both brokers. Every wait is on an observable state, never on time.
 */
class PublisherBehindAStalledConsumerIsHeldTest {
    private static final int MESSAGES = 60_000;
    private static final byte[] BODY = new byte[1024];
    /** What one read may still bring in after the hold: a 64 KiB read of 1 KiB messages, and some. */
    private static final int ONE_READ = 100;

    private final AmqpServer server = AmqpServer.start(BrokerConfig.builder().port(0).build());
    private final PausableSockets sockets = new PausableSockets();
    private Connection consumer;
    private Connection publisher;
    private Connection observer;

    @AfterEach
    void stop() throws Exception {
        sockets.resume();
        for (Connection c : new Connection[] {publisher, consumer, observer}) {
            if (c != null && c.isOpen()) {
                c.abort(2000);
            }
        }
        server.close();
    }

    @Test
    void thePublisherIsHeldWhileTheQueueCannotHandOnAndEverythingArrivesOnceTheConsumerReadsAgain()
            throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(server.address().getPort());
        factory.setHandshakeTimeout(60_000);
        observer = factory.newConnection("observer");
        Channel watch = observer.createChannel();
        watch.queueDeclare("flow", false, false, false, null);

        ConnectionFactory stallable = factory.clone();
        stallable.setSocketFactory(sockets);
        consumer = stallable.newConnection("consumer");
        AtomicInteger received = new AtomicInteger();
        consumer.createChannel().basicConsume("flow", true, (tag, delivery) -> received.incrementAndGet(), tag -> { });
        sockets.pause();

        publisher = factory.newConnection("publisher");
        Channel pub = publisher.createChannel();
        Thread publishing = new Thread(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    pub.basicPublish("", "flow", null, BODY);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "publisher");
        publishing.setDaemon(true);
        publishing.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> states().contains("flow"));
        assertThat(states()).as("only the publisher is held").containsOnlyOnce("flow");
        int ready = watch.queueDeclarePassive("flow").getMessageCount();
        assertThat(ready).as("the backlog stopped at the high mark, give or take one read")
                .isBetween(QueueFlow.HIGH, QueueFlow.HIGH + ONE_READ);
        assertThat(received.get()).isLessThan(MESSAGES);

        sockets.resume();
        await().atMost(Duration.ofSeconds(120)).until(() -> received.get() == MESSAGES);
        publishing.join(10_000);
        assertThat(watch.queueDeclarePassive("flow").getMessageCount()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !states().contains("flow"));
    }

    /** Every open connection's state, as the management API would show it. */
    private List<String> states() {
        return server.call(() -> server.context().connections().stream()
                .map(ConnectionHandle::state).collect(Collectors.toList()));
    }

    /** Sockets whose reading side can be paused, as if the client stopped reading. */
    private static final class PausableSockets extends SocketFactory {
        private final Object lock = new Object();
        private boolean paused;

        void pause() {
            synchronized (lock) {
                paused = true;
            }
        }

        void resume() {
            synchronized (lock) {
                paused = false;
                lock.notifyAll();
            }
        }

        private void awaitResume() throws InterruptedIOException {
            synchronized (lock) {
                while (paused) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                }
            }
        }

        @Override
        public Socket createSocket() {
            return new PausableSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = new PausableSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket s = new PausableSocket();
            s.bind(new InetSocketAddress(localHost, localPort));
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = new PausableSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket s = new PausableSocket();
            s.bind(new InetSocketAddress(localAddress, localPort));
            s.connect(new InetSocketAddress(address, port));
            return s;
        }

        private final class PausableSocket extends Socket {
            private InputStream in;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            awaitResume();
                            return super.read();
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            awaitResume();
                            return super.read(b, off, len);
                        }
                    };
                }
                return in;
            }
        }
    }
}
