package io.mensajero.cli.bench.consumers;

import io.mensajero.client.Text;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.model.MessageLayout;
import io.mensajero.cli.bench.model.RunControl;
import io.mensajero.cli.bench.stats.Counter;
import io.mensajero.cli.bench.stats.LatencyRecorders;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import org.HdrHistogram.Recorder;

import java.io.IOException;

/**
 * One consumer, called by amqp-client on its channel's dispatch thread (one delivery at a time):
 * counts the delivery, records its latency (now minus the send time in the body), and acks it
 * (each one, or {@code multiple} every {@code -A} deliveries) unless autoack. Up to its message
 * count ({@code -D}): deliveries past it are acked but not counted.
 */
public final class ConsumerAgent extends DefaultConsumer {
    private final String queue;
    private final boolean autoAck;
    private final int multiAckEvery;
    private final long limit;
    private final Counter received;
    private final Recorder latencies;
    private final RunControl control;
    private final ConnectionSettings connection;
    /** Dispatch thread only. */
    private long deliveries;

    public ConsumerAgent(Channel channel, String queue, BenchSettings settings, Counter received, Recorder latencies,
                         RunControl control, ConnectionSettings connection) {
        super(channel);
        this.queue = queue;
        this.autoAck = settings.autoAck();
        this.multiAckEvery = settings.multiAckEvery();
        this.limit = settings.consumerMessageCount();
        this.received = received;
        this.latencies = latencies;
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        long now = System.nanoTime();
        long n = ++deliveries;
        if (limit == 0 || n <= limit) {
            received.increment();
            long sent = MessageLayout.sendTime(body);
            if (sent != Long.MIN_VALUE) {
                LatencyRecorders.record(latencies, (now - sent) / 1_000);
            }
        }
        if (!autoAck) {
            try {
                if (multiAckEvery <= 1) {
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                } else if (n % multiAckEvery == 0 || n == limit) {
                    getChannel().basicAck(envelope.getDeliveryTag(), true);
                }
            } catch (IOException | RuntimeException e) {
                if (!control.stopping()) {
                    control.fail(connection.failure("ack on queue '" + queue + "'", e));
                }
            }
        }
        if (n == limit) {
            control.agentDone();
        }
    }

    @Override
    public void handleCancel(String consumerTag) {
        if (!control.stopping()) {
            control.fail(new MensajeroException(Failure.BROKER_REFUSED, Text.of("error.cancelled", queue)));
        }
    }

    @Override
    public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
        if (!control.stopping() && !sig.isInitiatedByApplication()) {
            control.fail(connection.failure("consume from queue '" + queue + "'", sig));
        }
    }
}
