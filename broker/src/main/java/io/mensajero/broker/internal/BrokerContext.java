package io.mensajero.broker.internal;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.auth.AccessControl;
import io.mensajero.broker.internal.auth.VhostInfo;
import io.mensajero.broker.internal.definitions.DefinitionsStore;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.MemoryGauge;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.policy.Policies;
import io.mensajero.broker.internal.stats.StatsRegistry;
import io.mensajero.broker.internal.store.Store;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.RejectedExecutionException;

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
 * policies, the memory gauge, the stats, the store (when there is a data directory), the open
 * connections. All of it but the security model (an immutable value) is confined to the one broker
 * event loop, so no locks; the store reports back to the loop.
 */
public final class BrokerContext {
    /** A channel whose publisher confirms wait for the store's fsync. */
    public interface SyncWaiter {
        /** The store has fsynced up to {@code upTo}; returns true when it waits for nothing more. */
        boolean synced(long upTo);
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
    private final Policies operatorPolicies;
    private final StatsRegistry stats = new StatsRegistry();
    private final RuntimeSettings settings;
    private final MemoryGauge gauge;
    private final Map<String, VirtualHost> vhosts = new LinkedHashMap<>();
    private final Set<ConnectionHandle> connections = new LinkedHashSet<>();
    private final Set<ConnectionHandle> dirty = new LinkedHashSet<>();
    private final DirectReplyTo directReplyTo = new DirectReplyTo();
    private final Store store;
    private final Set<SyncWaiter> syncWaiters = new LinkedHashSet<>();
    private long syncedUpTo;
    private final ResourceAlarms alarms;
    private Listeners listeners;
    private long nextConnectionId = 1;

    /**
     * Opens the store when the config names a data directory (a directory that cannot be used
     * throws {@link io.mensajero.broker.internal.store.StoreException}); users, vhosts, permissions
     * and policies come back from it (from memory only without one); call {@link #recover()} on the
     * loop before serving.
     */
    public BrokerContext(BrokerConfig config, EventLoop loop) {
        this.config = config;
        this.loop = loop;
        this.gauge = new MemoryGauge(config.memoryHighWatermarkBytes());
        this.settings = new RuntimeSettings(config.memoryHighWatermarkBytes(), config.diskFreeLimitBytes());
        this.alarms = new ResourceAlarms(gauge, settings,
                reason -> new ArrayList<>(connections).forEach(c -> c.resourceAlarm(reason)));
        this.store = config.dataDir() == null ? null : Store.open(config.dataDir(), config.diskFreeLimitBytes(),
                this::runOnLoop, new Store.Listener() {
                    @Override
                    public void synced(long upTo) {
                        syncedTo(upTo);
                    }

                    @Override
                    public void released(long heapBytes) {
                        gauge.add(-heapBytes);
                    }

                    @Override
                    public void diskAlarm(boolean raised) {
                        alarms.diskAlarm(raised);
                    }
                });
        alarms.store(store);
        DefinitionsStore definitions = store == null ? DefinitionsStore.inMemory()
                : DefinitionsStore.on(store.definitions());
        this.access = new AccessControl(definitions, Set.copyOf(config.loopbackUsers()));
        this.policies = new Policies(definitions);
        this.operatorPolicies = new Policies(definitions, Policies.Kind.OPERATOR_POLICY);
        policies.onChange(this::policiesChanged);
        operatorPolicies.onChange(this::policiesChanged);
        for (VhostInfo v : access.model().vhosts()) {
            vhosts.put(v.name(), newVirtualHost(v.name()));
        }
    }

    private VirtualHost newVirtualHost(String name) {
        VirtualHost vhost = new VirtualHost(name, gauge, new LoopTimers(loop, this::flushDirty), store);
        vhost.policiesChanged(policies.rules(name), operatorPolicies.rules(name));
        return vhost;
    }

    /** On the loop: a policy or operator policy of the vhost was set or cleared; it applies now. */
    private void policiesChanged(String vhostName) {
        VirtualHost vhost = vhosts.get(vhostName);
        if (vhost != null) {
            vhost.policiesChanged(policies.rules(vhostName), operatorPolicies.rules(vhostName));
        }
    }

    /** What the store posts back runs on the loop, and what it wrote to clients is flushed. */
    private void runOnLoop(Runnable task) {
        try {
            loop.execute(() -> {
                task.run();
                flushDirty();
            });
        } catch (RejectedExecutionException e) {
            // the broker is stopping; nobody is left to tell
        }
    }

    /** At start, on the loop: durable definitions and their messages come back from the store. */
    public void recover() {
        if (store != null) {
            VirtualHost.recover(store, vhosts::get);
            try {
                store.deleteUnclaimedQueues();
            } catch (IOException e) {
                throw new io.mensajero.broker.internal.store.StoreException(
                        io.mensajero.broker.BrokerStartException.Reason.DATA_DIR_UNREADABLE,
                        java.util.List.of(String.valueOf(store.dir()), String.valueOf(e)),
                        "cannot clean the data directory " + store.dir() + " (" + e + ")", e);
            }
        }
    }

    /** The store, or null when the broker keeps everything in memory. */
    public Store store() {
        return store;
    }

    /** On the loop, at a clean stop: the queues note what they must; then {@link #closeStore()} off it. */
    public void prepareStop() {
        if (store != null) {
            vhosts.values().forEach(VirtualHost::closeClean);
        }
    }

    /** Waits for the store to write everything and closes it (not on the loop). */
    public void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** The highest sync number the store has fsynced. */
    public long syncedUpTo() {
        return syncedUpTo;
    }

    public void awaitSync(SyncWaiter waiter) {
        syncWaiters.add(waiter);
    }

    private void syncedTo(long upTo) {
        if (upTo <= syncedUpTo) {
            return;
        }
        syncedUpTo = upTo;
        for (Iterator<SyncWaiter> it = syncWaiters.iterator(); it.hasNext(); ) {
            if (it.next().synced(upTo)) {
                it.remove();
            }
        }
    }

    /** The memory and disk alarms, and the limits that raise them. */
    public ResourceAlarms alarms() {
        return alarms;
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

    public Policies operatorPolicies() {
        return operatorPolicies;
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
            vhost.deleteExchanges();
        }
        access.deleteVhost(name);
        policies.deleteVhost(name);
        operatorPolicies.deleteVhost(name);
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
