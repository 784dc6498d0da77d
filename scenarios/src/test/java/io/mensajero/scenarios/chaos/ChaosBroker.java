package io.mensajero.scenarios.chaos;

import io.mensajero.client.QueueType;

import java.util.List;

/**
 * A broker the chaos test can kill and bring back: the local RabbitMQ cluster (one node at a
 * time) or Mensajero's broker as a separate process with its message store.
 */
interface ChaosBroker extends AutoCloseable {

    /** {@code rabbitmq} or {@code mensajero}. */
    String name();

    /** What it is, for the report (e.g. "3-node RabbitMQ cluster, quorum queue"). */
    String describe();

    /** Its address list, as {@code --uri} takes it. */
    String uri();

    /** How many nodes can be killed one at a time (1 for a single broker). */
    int nodes();

    /** The queue type the test declares: quorum on a cluster, the broker's default otherwise. */
    QueueType queueType();

    /** The node (1-based) that listens on this AMQP port, 0 when none does. */
    int node(int port);

    /** SIGKILL of node {@code node} (1-based). */
    void kill(int node);

    /** Starts that node again and waits until it accepts connections. */
    void restart(int node);

    /** Messages ready in the queue, -1 when it is unknown (no such queue, or no node answers). */
    long ready(String queue);

    void deleteQueue(String queue);

    /**
     * The base URIs of the management HTTP API (one per node, the first that answers is asked),
     * for {@link BrokerView}: what the broker itself says of the queue when tasks went missing.
     */
    List<String> managementUris();

    @Override
    void close();
}
