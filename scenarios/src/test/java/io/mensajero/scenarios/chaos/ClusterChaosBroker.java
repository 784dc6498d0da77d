package io.mensajero.scenarios.chaos;

import io.mensajero.client.QueueType;
import io.mensajero.scenarios.support.RabbitMqCluster;

import java.util.ArrayList;
import java.util.List;

/** The local 3-node RabbitMQ cluster; a kill is kill -9 of one node's Erlang VM. */
final class ClusterChaosBroker implements ChaosBroker {
    private final RabbitMqCluster cluster;

    ClusterChaosBroker(RabbitMqCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public String describe() {
        return "3-node RabbitMQ cluster (bench/rabbitmq-cluster), quorum queue";
    }

    @Override
    public String uri() {
        return cluster.uri();
    }

    @Override
    public int nodes() {
        return RabbitMqCluster.NODES;
    }

    @Override
    public QueueType queueType() {
        return QueueType.QUORUM;
    }

    @Override
    public int node(int port) {
        return cluster.node(port);
    }

    @Override
    public void kill(int node) {
        cluster.kill(node);
    }

    @Override
    public void restart(int node) {
        cluster.restart(node);
    }

    @Override
    public long ready(String queue) {
        return cluster.ready(queue);
    }

    @Override
    public void deleteQueue(String queue) {
        cluster.deleteQueue(queue);
    }

    @Override
    public List<String> managementUris() {
        List<String> uris = new ArrayList<>();
        for (int node = 1; node <= RabbitMqCluster.NODES; node++) {
            uris.add(cluster.managementUri(node));
        }
        return uris;
    }

    @Override
    public void close() {
        // The cluster outlives the test; RabbitMqCluster.Resolver stops it at the end of the run.
    }
}
