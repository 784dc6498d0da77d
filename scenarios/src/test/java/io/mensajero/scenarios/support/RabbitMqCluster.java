package io.mensajero.scenarios.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.MensajeroException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local 3-node RabbitMQ cluster of {@code bench/rabbitmq-cluster} (AMQP on 5721-5723), for
 * the scenarios that kill a node. A scenario gets it as a parameter with
 * {@code @ExtendWith(RabbitMqCluster.Resolver.class)}, or as a {@link OnDemand} parameter when it
 * may skip before it needs the cluster (then the cluster is started only if it is asked for). Every
 * scenario of a test run gets the same cluster. When the cluster already runs (a developer
 * started it) it is used and left running; otherwise the first scenario that needs it starts it
 * (about 30 s on a quiet machine, minutes on a loaded one) and it is stopped, its data removed,
 * when the test run ends. It needs Debian's rabbitmq-server and root: without them the scenario is
 * skipped with the reason (under CI=true it fails).
 */
public final class RabbitMqCluster {
    public static final int NODES = 3;
    private static final Duration START = Duration.ofMinutes(6);
    private static final Duration NODE = Duration.ofMinutes(4);

    private final Path script;
    private final int basePort;
    private final boolean startedHere;
    private volatile boolean stopped;

    private RabbitMqCluster(Path script, int basePort, boolean startedHere) {
        this.script = script;
        this.basePort = basePort;
        this.startedHere = startedHere;
    }

    /** The AMQP port of node {@code i} (1-3). */
    public int port(int node) {
        return basePort + node - 1;
    }

    /** The node (1-3) listening on this AMQP port, or 0. */
    public int node(int port) {
        int node = port - basePort + 1;
        return node >= 1 && node <= NODES ? node : 0;
    }

    /** The management API's base URI of node {@code i} (1-3): its AMQP port + 10000, as bench/rabbitmq-cluster sets it. */
    public String managementUri(int node) {
        return "http://localhost:" + (port(node) + 10_000);
    }

    /** The three nodes as one comma-separated address list, as {@code --uri} takes it. */
    public String uri() {
        List<String> uris = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            uris.add("amqp://guest:guest@localhost:" + port(i) + "/%2F");
        }
        return String.join(",", uris);
    }

    /** kill -9 of node {@code i}'s Erlang VM; the other two carry on. */
    public void kill(int node) {
        Commands.check(Duration.ofSeconds(30), script.toString(), "kill", Integer.toString(node));
    }

    /** Starts node {@code i} again and waits until it runs (it rejoins the cluster by itself). */
    public void restart(int node) {
        Commands.check(NODE, script.toString(), "restart", Integer.toString(node));
    }

    /** Messages ready in the queue, asked of whichever node answers; -1 when there is no such queue. */
    public long ready(String queue) {
        return onAnyNode(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    public void deleteQueue(String queue) {
        onAnyNode(channel -> channel.queueDelete(queue).getMessageCount());
    }

    private long onAnyNode(ChannelCall call) {
        try (Connection connection = ConnectionSettings.fromUri(uri()).withRecovery(false).connect("scenario")) {
            return call.apply(connection.createChannel());
        } catch (IOException | RuntimeException e) {
            if (e instanceof MensajeroException) {
                throw (MensajeroException) e;
            }
            return -1;
        }
    }

    @FunctionalInterface
    private interface ChannelCall {
        long apply(Channel channel) throws IOException;
    }

    /** The script's {@code status}: one line per node. */
    public String status() {
        return Commands.run(Duration.ofMinutes(1), script.toString(), "status").output().trim();
    }

    private synchronized void stop() {
        if (startedHere && !stopped) {
            stopped = true;
            Commands.Result result = Commands.run(Duration.ofMinutes(3), script.toString(), "stop");
            System.out.println("[cluster] stopped: " + (result.ok() ? "ok" : result.output().trim()));
        }
    }

    private static RabbitMqCluster startOrJoin() {
        Path script = Commands.repositoryFile("bench/rabbitmq-cluster");
        Requirements.command("rabbitmq-server", "apt-get install -y rabbitmq-server");
        if (!Commands.root()) {
            Requirements.unavailable("the local RabbitMQ cluster (bench/rabbitmq-cluster) runs its nodes as the "
                    + "rabbitmq user and needs root");
        }
        int basePort = Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_CLUSTER_PORT", "5721"));
        Commands.Result status = Commands.run(Duration.ofMinutes(2), script.toString(), "status");
        if (status.ok()) {
            System.out.println("[cluster] using the running cluster on " + basePort + "-" + (basePort + NODES - 1));
            return new RabbitMqCluster(script, basePort, false);
        }
        // Started here only when none of its nodes ran: a cluster someone else runs is never stopped.
        boolean none = status.output().lines().filter(l -> l.endsWith(" down")).count() == NODES;
        long start = System.nanoTime();
        RabbitMqCluster cluster = new RabbitMqCluster(script, basePort, none);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "rabbitmq-cluster-stop"));
        Commands.Result started = Commands.run(START, script.toString(), "start");
        if (!started.ok()) {
            cluster.stop();
            throw new AssertionError("bench/rabbitmq-cluster start failed: " + started.output().trim());
        }
        System.out.printf("[cluster] started in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return cluster;
    }

    /**
     * The cluster, started (or joined) only when {@link #get()} is first called: for a scenario
     * that checks first whether it runs at all, so that a skipped scenario starts nothing.
     */
    @FunctionalInterface
    public interface OnDemand {
        RabbitMqCluster get();
    }

    /**
     * Supplies the cluster to a scenario's {@code RabbitMqCluster} or {@link OnDemand} parameter
     * (one cluster for the whole run, whichever scenario asks first); stops it when the run ends.
     */
    public static final class Resolver implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RabbitMqCluster.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == RabbitMqCluster.class || type == OnDemand.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
            OnDemand cluster = () -> store.getOrComputeIfAbsent("cluster", key -> new Running(startOrJoin()),
                    Running.class).cluster;
            return parameter.getParameter().getType() == OnDemand.class ? cluster : cluster.get();
        }

        /** Closed by JUnit when the whole run ends (values of the root store that are AutoCloseable are). */
        private record Running(RabbitMqCluster cluster) implements AutoCloseable {
            @Override
            public void close() {
                cluster.stop();
            }
        }
    }
}
