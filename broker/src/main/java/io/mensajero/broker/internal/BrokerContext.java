package io.mensajero.broker.internal;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.auth.UserStore;
import io.mensajero.broker.internal.model.MemoryGauge;
import io.mensajero.broker.internal.model.VirtualHost;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the broker's connections share: settings, virtual hosts, users, the memory gauge,
 * the open connections. All of it is confined to the one broker event loop, so no locks.
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
    }

    private final BrokerConfig config;
    private final EventLoop loop;
    private final UserStore users = new UserStore();
    private final MemoryGauge gauge;
    private final Map<String, VirtualHost> vhosts = new LinkedHashMap<>();
    private final Set<ConnectionHandle> connections = new LinkedHashSet<>();
    private final Set<ConnectionHandle> dirty = new LinkedHashSet<>();
    private final DirectReplyTo directReplyTo = new DirectReplyTo();
    private long nextConnectionId = 1;

    public BrokerContext(BrokerConfig config, EventLoop loop) {
        this.config = config;
        this.loop = loop;
        this.gauge = new MemoryGauge(config.memoryHighWatermarkBytes());
        this.gauge.listener(raised -> new ArrayList<>(connections).forEach(c -> c.memoryAlarm(raised)));
        vhosts.put("/", new VirtualHost("/", gauge, new LoopTimers(loop, this::flushDirty)));
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
