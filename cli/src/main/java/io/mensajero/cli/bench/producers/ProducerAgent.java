package io.mensajero.cli.bench.producers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.model.MessageLayout;
import io.mensajero.cli.bench.model.RunControl;
import io.mensajero.cli.bench.stats.ProducerStats;
import io.mensajero.client.ConnectionSettings;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One producer: a thread of its own publishing on one channel as fast as the broker, its rate
 * ({@code -r}) and its outstanding confirms ({@code -c}) allow, until its message count
 * ({@code -C}) or the end of the run. One body array is reused: amqp-client has written it out
 * when {@code basicPublish} returns. Nothing is allocated or locked per message by this class.
 */
public final class ProducerAgent implements Runnable {
    private static final long CONFIRM_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Channel channel;
    private final String exchange;
    private final String routingKey;
    private final boolean mandatory;
    private final AMQP.BasicProperties properties;
    private final int limit;
    private final byte[] body;
    private final Pacer pacer;
    private final Semaphore permits;
    private final OutstandingConfirms outstanding;
    private final ProducerStats stats;
    private final RunControl control;
    /** Made once: a method reference evaluated per message would be an allocation per message. */
    private final BooleanSupplier stopping;
    private final ConnectionSettings connection;

    /**
     * Sets up the channel (confirm mode and its listeners, the return listener) for a producer
     * publishing with {@code routingKey}; {@link #run()} then publishes.
     */
    public ProducerAgent(Channel channel, BenchSettings settings, String routingKey, ProducerStats stats,
                         RunControl control, ConnectionSettings connection) throws IOException {
        this.channel = channel;
        this.exchange = settings.exchange();
        this.routingKey = routingKey;
        this.mandatory = settings.mandatory();
        this.properties = settings.persistent() ? MessageProperties.MINIMAL_PERSISTENT_BASIC : MessageProperties.MINIMAL_BASIC;
        this.limit = settings.producerMessageCount();
        this.body = new byte[settings.messageSize()];
        this.pacer = settings.rate() > 0 ? new Pacer(settings.rate()) : null;
        this.stats = stats;
        this.control = control;
        this.stopping = control::stopping;
        this.connection = connection;
        if (settings.confirms()) {
            int limitOutstanding = settings.confirm();
            this.permits = limitOutstanding > 0 ? new Semaphore(limitOutstanding) : null;
            this.outstanding = new OutstandingConfirms(Math.max(1024, 2 * limitOutstanding));
            channel.confirmSelect();
            channel.addConfirmListener(new Confirms());
        } else {
            this.permits = null;
            this.outstanding = null;
        }
        if (mandatory) {
            channel.addReturnListener(returned -> stats.returned.increment());
        }
    }

    @Override
    public void run() {
        long seq = 0;
        try {
            while (!control.stopping() && (limit == 0 || seq < limit)) {
                if (permits != null && !permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                if (pacer != null && !pacer.awaitTurn(stopping)) {
                    break;
                }
                seq++;
                if (outstanding != null && !outstanding.published(seq, stopping)) {
                    break;
                }
                MessageLayout.stamp(body, (int) seq, System.nanoTime());
                channel.basicPublish(exchange, routingKey, mandatory, properties, body);
                stats.sent.increment();
            }
            if (limit > 0 && seq >= limit) {
                awaitConfirms();
                control.agentDone();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | ShutdownSignalException e) {
            if (!control.stopping()) {
                control.fail(connection.failure("publish to exchange '" + exchange + "'", e));
            }
        }
    }

    /** After the last publish: waits until every message is confirmed (or nacked), or the run stops. */
    private void awaitConfirms() {
        if (outstanding == null) {
            return;
        }
        long deadline = System.nanoTime() + CONFIRM_DRAIN_NANOS;
        while (!control.stopping() && stats.sent.get() > stats.confirmed.get() + stats.nacked.get()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Runs on the connection's reader thread. */
    private final class Confirms implements ConfirmListener {
        @Override
        public void handleAck(long deliveryTag, boolean multiple) {
            settled(outstanding.settle(deliveryTag, multiple), false);
        }

        @Override
        public void handleNack(long deliveryTag, boolean multiple) {
            settled(outstanding.settle(deliveryTag, multiple), true);
        }

        private void settled(int count, boolean nacked) {
            if (count == 0) {
                return;
            }
            (nacked ? stats.nacked : stats.confirmed).add(count);
            if (permits != null) {
                permits.release(count);
            }
        }
    }
}
