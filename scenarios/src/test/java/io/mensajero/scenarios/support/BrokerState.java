package io.mensajero.scenarios.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * What a scenario looks at or sets up on the broker with amqp-client, beside the tools and the
 * foreign clients it runs.
 */
public final class BrokerState {
    private BrokerState() {
    }

    /** Messages ready in the queue, or -1 when it does not exist. */
    public static int messages(BrokerUnderTest broker, String queue) {
        return inspect(broker, queue, true);
    }

    /** Consumers on the queue, or -1 when it does not exist. */
    public static int consumers(BrokerUnderTest broker, String queue) {
        return inspect(broker, queue, false);
    }

    public static boolean exchangeExists(BrokerUnderTest broker, String exchange) {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclarePassive(exchange);
            return true;
        } catch (IOException e) {
            return false;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, at most {@code timeout}, until the queue has exactly {@code count} consumers. */
    public static void awaitConsumers(BrokerUnderTest broker, String queue, int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> consumers(broker, queue) == count);
    }

    public static void deleteQueue(BrokerUnderTest broker, String queue) {
        amqp(broker, channel -> channel.queueDelete(queue));
    }

    public static void deleteExchange(BrokerUnderTest broker, String exchange) {
        amqp(broker, channel -> channel.exchangeDelete(exchange));
    }

    /**
     * Publishes one message and waits at most {@code confirmTimeout} for its confirm; false when
     * the broker closed the channel (e.g. no such exchange).
     */
    public static boolean publish(BrokerUnderTest broker, String exchange, String routingKey, String body,
                                  Duration confirmTimeout) {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, null, body.getBytes(StandardCharsets.UTF_8));
            return channel.waitForConfirms(confirmTimeout.toMillis());
        } catch (IOException | ShutdownSignalException e) {
            return false;
        } catch (TimeoutException e) {
            throw new IllegalStateException("no confirm from " + broker.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Looks at the head message without taking it: basic.get, then the channel closes and requeues it. */
    public static GetResponse peek(BrokerUnderTest broker, String queue) {
        return amqp(broker, channel -> channel.basicGet(queue, false));
    }

    /**
     * Declares the queue as given; returns null when the broker accepts it, else the channel close
     * (e.g. 406 when the queue exists with other properties).
     */
    public static ShutdownSignalException declareRefusal(BrokerUnderTest broker, String queue, boolean durable) {
        try (Connection connection = broker.newConnection()) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclare(queue, durable, false, false, null);
                return null;
            } catch (IOException e) {
                if (e.getCause() instanceof ShutdownSignalException closed) {
                    return closed;
                }
                throw e;
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot talk to " + broker.name() + ": " + e, e);
        }
    }

    /** Something done on a fresh channel. */
    public interface ChannelAction<T> {
        T run(Channel channel) throws IOException;
    }

    /** Runs the action on a fresh connection and channel; a failure is an IllegalStateException. */
    public static <T> T amqp(BrokerUnderTest broker, ChannelAction<T> action) {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            return action.run(channel);
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            throw new IllegalStateException("cannot talk to " + broker.name() + ": " + e, e);
        }
    }

    private static int inspect(BrokerUnderTest broker, String queue, boolean messages) {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            var ok = channel.queueDeclarePassive(queue);
            return messages ? ok.getMessageCount() : ok.getConsumerCount();
        } catch (IOException e) {
            return -1;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
