package io.mensajero.broker.internal;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.auth.UserStore;
import io.mensajero.broker.internal.model.MemoryGauge;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.store.Store;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.RejectedExecutionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the broker's connections share: settings, virtual hosts, users, the memory gauge,
 * the store (when there is a data directory), the open connections. All of it is confined to the
 * one broker event loop, so no locks; the store reports back to the loop.
 */
public final class BrokerContext {
    /** A channel whose publisher confirms wait for the store's fsync. */
    public interface SyncWaiter {
        /** The store has fsynced up to {@code upTo}; returns true when it waits for nothing more. */
        boolean synced(long upTo);
    }

    /** A connection as the rest of the broker sees it. */
    public interface ConnectionHandle {
        /** Writes what is pending to the socket. */
        void flush();

        /**
         * A resource alarm went on or changed ({@code reason}, as connection.blocked gives it), or
         * every alarm cleared ({@code null}).
         */
        void resourceAlarm(String reason);

        /** Closes with connection.close 320 CONNECTION_FORCED, as on broker shutdown. */
        void forceClose(String reason);

        /**
         * Its state as RabbitMQ's management API shows it: starting, tuning, opening, running,
         * flow (held by flow control, or held less than a second ago), blocking, blocked (the
         * memory alarm), closing, closed.
         */
        String state();
    }

    private final BrokerConfig config;
    private final EventLoop loop;
    private final UserStore users = new UserStore();
    private final MemoryGauge gauge;
    private final Map<String, VirtualHost> vhosts = new LinkedHashMap<>();
    private final Set<ConnectionHandle> connections = new LinkedHashSet<>();
    private final Set<ConnectionHandle> dirty = new LinkedHashSet<>();
    private final DirectReplyTo directReplyTo = new DirectReplyTo();
    private final Store store;
    private final Set<SyncWaiter> syncWaiters = new LinkedHashSet<>();
    private long syncedUpTo;
    private boolean diskAlarm;
    /** The alarm reason the connections were last told (null: none). */
    private String alarm;
    private long nextConnectionId = 1;

    /**
     * Opens the store when the config names a data directory (a directory that cannot be used
     * throws {@link io.mensajero.broker.internal.store.StoreException}); call {@link #recover()}
     * on the loop before serving.
     */
    public BrokerContext(BrokerConfig config, EventLoop loop) {
        this.config = config;
        this.loop = loop;
        this.gauge = new MemoryGauge(config.memoryHighWatermarkBytes());
        this.gauge.listener(raised -> alarmChanged());
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
                        diskAlarm = raised;
                        alarmChanged();
                    }
                });
        vhosts.put("/", new VirtualHost("/", gauge, new LoopTimers(loop, this::flushDirty), store));
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

    /**
     * The resource alarms on now, named as RabbitMQ's connection.blocked reason names them (checked
     * against RabbitMQ 3.10): {@code low on memory}, {@code low on disk}, {@code low on disk & memory};
     * null when none is on. Publishers are blocked while any is.
     */
    public String alarm() {
        boolean memory = gauge.alarm();
        if (memory && diskAlarm) {
            return "low on disk & memory";
        }
        return diskAlarm ? "low on disk" : memory ? "low on memory" : null;
    }

    private void alarmChanged() {
        String now = alarm();
        if (!Objects.equals(now, alarm)) {
            alarm = now;
            new ArrayList<>(connections).forEach(c -> c.resourceAlarm(now));
        }
    }

    /**
     * Changes the free disk space limit, as rabbitmqctl set_disk_free_limit does: checked at once,
     * {@code then} runs on the loop once the alarm is up to date.
     */
    public void diskFreeLimit(long bytes, Runnable then) {
        if (store == null) {
            throw new IllegalStateException("the broker has no data directory, so no disk to watch");
        }
        store.diskFreeLimit(bytes, then);
    }

    public BrokerConfig config() {
        return config;
    }

    public EventLoop loop() {
        return loop;
    }

    public UserStore users() {
        return users;
    }

    public MemoryGauge gauge() {
        return gauge;
    }

    public VirtualHost vhost(String name) {
        return vhosts.get(name);
    }

    public DirectReplyTo directReplyTo() {
        return directReplyTo;
    }

    public long nextConnectionId() {
        return nextConnectionId++;
    }

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
