package io.mensajero.broker.internal;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.auth.AccessControl;
import io.mensajero.broker.internal.auth.VhostInfo;
import io.mensajero.broker.internal.definitions.DefinitionsStore;
import io.mensajero.broker.internal.info.ChannelInfo;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.info.ConsumerInfo;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.MemoryGauge;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.policy.Policies;
import io.mensajero.broker.internal.stats.StatsRegistry;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the broker's connections share: settings, virtual hosts, users and permissions,
 * policies, the memory gauge, the stats, the open connections. All of it but the security model
 * (an immutable value) is confined to the one broker event loop, so no locks.
 */
public final class BrokerContext {
    /** A connection as the rest of the broker sees it. */
    public interface ConnectionHandle {
        /** Writes what is pending to the socket. */
        void flush();

        /** The memory alarm went on or off. */
        void memoryAlarm(boolean raised);

        /** Closes with connection.close 320 CONNECTION_FORCED, as on broker shutdown. */
        void forceClose(String reason);

        /**
         * Its state as RabbitMQ's management API shows it: starting, tuning, opening, running,
         * flow (held by flow control, or held less than a second ago), blocking, blocked (the
         * memory alarm), closing, closed.
         */
        String state();

        /** What the management API sees of it. */
        ConnectionView view();
    }

    /** A connection as the management API sees it; used on the broker loop only. */
    public interface ConnectionView {
        /** RabbitMQ's name for it: {@code "peer -> local"}. */
        String name();

        /** The logged-in user, or null before login. */
        String userName();

        /** The vhost, or null before connection.open. */
        String vhostName();

        ConnectionInfo info();

        List<ChannelInfo> channelInfos();

        List<ConsumerInfo> consumerInfos();

        /** Samples the rates of its traffic and of its channels. */
        void sampleStats(double seconds);
    }

    /** The AMQP listeners: what RabbitMQ's stop_app closes and start_app opens again. */
    public interface Listeners {
        /** Closes the listening sockets (not the connections). */
        void stop();

        /** Listens again on the same ports; completes when listening (or with why not). */
        java.util.concurrent.CompletableFuture<Void> start();

        boolean running();

        /** The AMQP address (also while stopped). */
        java.net.InetSocketAddress amqpAddress();

        /** The amqps address, or null without TLS. */
        java.net.InetSocketAddress amqpsAddress();
    }

    private final BrokerConfig config;
    private final EventLoop loop;
    private final AccessControl access;
    private final Policies policies;
    private final StatsRegistry stats = new StatsRegistry();
    private final RuntimeSettings settings;
    private final MemoryGauge gauge;
    private final Map<String, VirtualHost> vhosts = new LinkedHashMap<>();
    private final Set<ConnectionHandle> connections = new LinkedHashSet<>();
    private final Set<ConnectionHandle> dirty = new LinkedHashSet<>();
    private final DirectReplyTo directReplyTo = new DirectReplyTo();
    private Listeners listeners;
    private long nextConnectionId = 1;

    public BrokerContext(BrokerConfig config, EventLoop loop, DefinitionsStore store) {
        this.config = config;
        this.loop = loop;
        this.gauge = new MemoryGauge(config.memoryHighWatermarkBytes());
        this.gauge.listener(raised -> new ArrayList<>(connections).forEach(c -> c.memoryAlarm(raised)));
        this.settings = new RuntimeSettings(config.memoryHighWatermarkBytes());
        this.access = new AccessControl(store, Set.copyOf(config.loopbackUsers()));
        this.policies = new Policies(store);
        for (VhostInfo v : access.model().vhosts()) {
            vhosts.put(v.name(), newVirtualHost(v.name()));
        }
    }

    private VirtualHost newVirtualHost(String name) {
        return new VirtualHost(name, gauge, new LoopTimers(loop, this::flushDirty));
    }

    public BrokerConfig config() {
        return config;
    }

    public EventLoop loop() {
        return loop;
    }

    public AccessControl access() {
        return access;
    }

    public Policies policies() {
        return policies;
    }

    public StatsRegistry stats() {
        return stats;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public MemoryGauge gauge() {
        return gauge;
    }

    public VirtualHost vhost(String name) {
        return vhosts.get(name);
    }

    public Collection<VirtualHost> vhosts() {
        return Collections.unmodifiableCollection(vhosts.values());
    }

    public DirectReplyTo directReplyTo() {
        return directReplyTo;
    }

    public long nextConnectionId() {
        return nextConnectionId++;
    }

    // ---- vhosts and users ----

    /** Creates the vhost, or updates its metadata when it exists; returns true when it was created. */
    public boolean putVhost(VhostInfo info) {
        boolean created = !vhosts.containsKey(info.name());
        if (created) {
            vhosts.put(info.name(), newVirtualHost(info.name()));
        }
        access.putVhost(info);
        return created;
    }

    /**
     * Deletes a vhost as RabbitMQ does: its connections are closed ("vhost 'x' is deleted"), then
     * its queues and exchanges go, with its permissions and policies.
     */
    public void deleteVhost(String name) {
        closeConnections(c -> name.equals(c.view().vhostName()), "vhost '" + name + "' is deleted");
        VirtualHost vhost = vhosts.remove(name);
        if (vhost != null) {
            for (MessageQueue q : new ArrayList<>(vhost.queues())) {
                vhost.deleteQueue(q);
                stats.count(StatsRegistry.QUEUE_DELETED);
            }
        }
        access.deleteVhost(name);
        policies.deleteVhost(name);
        stats.vhostDeleted(name);
        flushDirty();
    }

    /** Deletes a user and closes its connections ("user 'x' is deleted"), as RabbitMQ does. */
    public void deleteUser(String name) {
        access.deleteUser(name);
        closeConnections(c -> name.equals(c.view().userName()), "user '" + name + "' is deleted");
        flushDirty();
    }

    /** Closes matching connections with 320 CONNECTION_FORCED and the reason. */
    public int closeConnections(Predicate<ConnectionHandle> which, String reason) {
        int closed = 0;
        for (ConnectionHandle c : new ArrayList<>(connections)) {
            if (which.test(c)) {
                c.forceClose(reason);
                closed++;
            }
        }
        return closed;
    }

    public ConnectionHandle connection(String name) {
        for (ConnectionHandle c : connections) {
            if (Objects.equals(c.view().name(), name)) {
                return c;
            }
        }
        return null;
    }

    // ---- the application (stop_app / start_app) ----

    public void listeners(Listeners amqpListeners) {
        this.listeners = amqpListeners;
    }

    public Listeners listeners() {
        return listeners;
    }

    /** What a node restart forgets: non-durable exchanges, queues and bindings, transient messages. */
    public void dropNonDurable() {
        for (VirtualHost v : vhosts.values()) {
            v.dropNonDurable();
        }
    }

    // ---- stats ----

    /** Updates every rate the management API shows from what was counted in the last {@code seconds}. */
    public void sampleStats(double seconds) {
        stats.sample(seconds);
        for (VirtualHost v : vhosts.values()) {
            for (MessageQueue q : v.queues()) {
                q.stats().sample(seconds, q.messageCount(), q.unackedCount());
            }
            for (Exchange x : v.exchanges()) {
                x.stats().sample(seconds);
            }
        }
        for (ConnectionHandle c : connections) {
            c.view().sampleStats(seconds);
        }
    }

    // ---- connections ----

    public void opened(ConnectionHandle connection) {
        connections.add(connection);
    }

    public void closed(ConnectionHandle connection) {
        connections.remove(connection);
        dirty.remove(connection);
    }

    public List<ConnectionHandle> connections() {
        return new ArrayList<>(connections);
    }

    /** Notes that a connection has written frames not yet flushed. */
    public void dirty(ConnectionHandle connection) {
        dirty.add(connection);
    }

    /** Flushes every connection written to since the last flush. */
    public void flushDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        List<ConnectionHandle> pending = new ArrayList<>(dirty);
        dirty.clear();
        for (ConnectionHandle c : pending) {
            c.flush();
        }
    }
}
