package io.mensajero.scenarios.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The broker a behaviour scenario runs against: Mensajero's embedded broker or RabbitMQ.
 * A scenario observes the same thing on both.
 */
public interface BrokerUnderTest {

    /** {@code mensajero} or {@code rabbitmq}; shown in the test's display name. */
    String name();

    String host();

    int port();

    /** An AMQP URI with guest/guest and the default vhost, as the CLI's {@code --uri} takes it. */
    default String uri() {
        return "amqp://guest:guest@" + host() + ":" + port() + "/%2F";
    }

    /**
     * The management HTTP API's base URI, e.g. {@code http://127.0.0.1:15672} (RabbitMQ's from
     * {@code RABBITMQ_MANAGEMENT_PORT}, default 15672; the embedded broker's on a free port).
     */
    String managementUri();

    default boolean isRabbitMq() {
        return "rabbitmq".equals(name());
    }

    /** A factory for this broker, guest/guest on vhost "/", with automatic recovery off. */
    default ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/");
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        return factory;
    }

    /**
     * Raises the memory alarm, as {@code rabbitmqctl set_vm_memory_high_watermark} with a tiny
     * value does: connections that publish get blocked. Pair with {@link #clearMemoryAlarm()}.
     */
    void raiseMemoryAlarm();

    /** Puts the memory high watermark back to its default, clearing the alarm. */
    void clearMemoryAlarm();

    /**
     * Raises the disk alarm, as {@code rabbitmqctl set_disk_free_limit} with a limit above the free
     * space does: connections that publish get blocked. Mensajero's embedded broker needs a data
     * directory for it ({@code @EachBroker(dataDirectory = true)}). Pair with {@link #clearDiskAlarm()}.
     */
    void raiseDiskAlarm();

    /** Puts the free disk space limit back to its default (50 MB), clearing the alarm. */
    void clearDiskAlarm();

    /**
     * Stops the broker cleanly and starts it again, as {@code rabbitmqctl stop_app} and
     * {@code start_app} do (the connections are closed). Mensajero's embedded broker keeps its
     * port, and its data directory when the scenario asked for one.
     */
    void restart();

    default Connection newConnection() throws IOException, TimeoutException {
        return connectionFactory().newConnection();
    }
}
