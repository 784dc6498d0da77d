package io.mensajero.scenarios.wire;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An amqp-client consumer with a 1 s heartbeat takes a message without acking it, and then its
 * process hangs: nothing leaves its socket any more, not even heartbeats. The broker takes the peer
 * for dead, closes its connection and requeues the unacked message, which another consumer then
 * gets with redelivered=true.
 */
class DeadPeersUnackedMessagesAreRequeued {

    @EachBroker
    void unackedMessageGoesToAnotherConsumer(BrokerUnderTest broker) throws Exception {
        String queue = Names.unique("dead-peer");
        FreezableSocketFactory sockets = new FreezableSocketFactory();
        ConnectionFactory frozenFactory = broker.connectionFactory();
        frozenFactory.setRequestedHeartbeat(1);
        frozenFactory.setSocketFactory(sockets);
        try (Connection setup = broker.newConnection()) {
            Channel admin = setup.createChannel();
            admin.queueDeclare(queue, false, false, false, null);
            try {
                admin.basicPublish("", queue, null, "work".getBytes(StandardCharsets.UTF_8));
                Connection doomed = frozenFactory.newConnection();
                try {
                    CountDownLatch delivered = new CountDownLatch(1);
                    Channel hung = doomed.createChannel();
                    hung.basicConsume(queue, false, new DefaultConsumer(hung) {
                        @Override
                        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body) {
                            sockets.freeze();
                            delivered.countDown();
                        }
                    });
                    assertThat(delivered.await(5, TimeUnit.SECONDS)).as("first delivery").isTrue();
                    long frozenAt = System.nanoTime();

                    Channel survivor = setup.createChannel();
                    BlockingQueue<Envelope> redeliveries = new LinkedBlockingQueue<>();
                    BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
                    survivor.basicConsume(queue, false, new DefaultConsumer(survivor) {
                        @Override
                        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body) {
                            redeliveries.add(envelope);
                            bodies.add(new String(body, StandardCharsets.UTF_8));
                        }
                    });
                    Envelope envelope = redeliveries.poll(15, TimeUnit.SECONDS);
                    assertThat(envelope).as("the message requeued from the dead peer within 15 s").isNotNull();
                    System.out.println("[" + broker.name() + "] requeued " + (System.nanoTime() - frozenAt) / 1_000_000
                            + " ms after the consumer froze");
                    assertThat(bodies.poll(5, TimeUnit.SECONDS)).isEqualTo("work");
                    assertThat(envelope.isRedeliver()).as("redelivered").isTrue();
                    survivor.basicAck(envelope.getDeliveryTag(), false);
                } finally {
                    sockets.thaw();
                    doomed.abort(1_000);
                }
            } finally {
                admin.queueDelete(queue);
            }
        }
    }
}
