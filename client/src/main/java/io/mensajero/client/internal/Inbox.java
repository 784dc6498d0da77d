package io.mensajero.client.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A consumer that hands what amqp-client delivers (deliveries, a cancel from the broker, the
 * channel shutting down) to the pattern's own thread, in order. Work and acks then happen on
 * that thread, where a stop request can interrupt the work.
 */
public final class Inbox extends DefaultConsumer {

    /** What arrived. */
    public enum Kind { DELIVERY, CANCELLED, SHUTDOWN }

    /**
     * One arrival; only the fields of its kind are set. {@code connection} is the connection's loss
     * count when it arrived (see {@link ConnectionWatch}): the connection it came on.
     */
    public record Item(Kind kind, Envelope envelope, AMQP.BasicProperties properties, byte[] body,
                       ShutdownSignalException signal, long connection) {
    }

    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final LongSupplier connection;

    public Inbox(Channel channel) {
        this(channel, () -> 0);
    }

    /** @param connection the connection's loss count now, stamped on each arrival */
    public Inbox(Channel channel, LongSupplier connection) {
        super(channel);
        this.connection = connection;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        items.add(new Item(Kind.DELIVERY, envelope, properties, body, null, connection.getAsLong()));
    }

    @Override
    public void handleCancel(String consumerTag) {
        items.add(new Item(Kind.CANCELLED, null, null, null, null, connection.getAsLong()));
    }

    @Override
    public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
        items.add(new Item(Kind.SHUTDOWN, null, null, null, signal, connection.getAsLong()));
    }

    /** The next arrival, or null after {@code timeout}. */
    public Item poll(Duration timeout) throws InterruptedException {
        return items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
