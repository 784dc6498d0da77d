package io.mensajero.broker.internal.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A classic queue held in memory: ready messages in order, the consumers in round-robin order,
 * and a count of messages delivered but not yet acknowledged. Requeued messages go back to their
 * original position, marked redelivered, as in RabbitMQ.
 *
 * <p>Confined to the broker thread, like the whole model.
 */
public final class MessageQueue implements BindingDestination {
    private final VirtualHost vhost;
    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final Object exclusiveOwner;
    private final Map<String, Object> arguments;

    private final ArrayDeque<QueueEntry> ready = new ArrayDeque<>();
    private final ArrayDeque<Consumer> consumers = new ArrayDeque<>();
    private final QueueFlow flow = new QueueFlow();
    private long nextSeq;
    private int unacked;
    private boolean hadConsumer;
    private Timers.Timer expiryTimer;
    private long expiryTimerAt = Long.MAX_VALUE;
    private boolean dispatching;
    private boolean deleted;

    MessageQueue(VirtualHost vhost, String name, boolean durable, boolean autoDelete,
                 Object exclusiveOwner, Map<String, Object> arguments) {
        this.vhost = vhost;
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.exclusiveOwner = exclusiveOwner;
        this.arguments = arguments == null ? Map.of() : arguments;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "queue";
    }

    @Override
    public VirtualHost vhost() {
        return vhost;
    }

    public boolean durable() {
        return durable;
    }

    public boolean autoDelete() {
        return autoDelete;
    }

    public boolean exclusive() {
        return exclusiveOwner != null;
    }

    /** The connection that owns this exclusive queue, or null. */
    public Object exclusiveOwner() {
        return exclusiveOwner;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    /** Ready messages: what queue.declare-ok and basic.get-ok report. */
    public int messageCount() {
        dropExpired();
        return ready.size();
    }

    public int consumerCount() {
        return consumers.size();
    }

    /** Flow control: whether this queue grants publishers credit now. */
    public QueueFlow flow() {
        return flow;
    }

    public boolean hasExclusiveConsumer() {
        return consumers.size() == 1 && consumers.peekFirst().exclusive();
    }

    /**
     * Appends a message routed here and delivers what it can. As in RabbitMQ, a message that
     * arrives at an empty queue goes straight to a consumer that can take it, before its TTL is
     * looked at: so even {@code expiration "0"} reaches a consumer ready for it, and expires at
     * once otherwise.
     */
    public void enqueue(Message message) {
        if (deleted) {
            return;
        }
        message.hold(vhost.gauge());
        long ttl = message.ttl();
        long expiresAt = ttl < 0 ? Long.MAX_VALUE : vhost.timers().now() + ttl;
        QueueEntry entry = new QueueEntry(nextSeq++, message, expiresAt);
        dropExpired();
        Consumer consumer = ready.isEmpty() && !dispatching ? nextReadyConsumer() : null;
        if (consumer != null) {
            taken(entry, consumer.noAck());
            consumer.deliver(this, entry);
            return;
        }
        ready.addLast(entry);
        dispatch();
    }

    /** basic.get: takes the head message, or null. Unless noAck, it stays counted as unacked. */
    public QueueEntry get(boolean noAck) {
        dropExpired();
        QueueEntry entry = ready.pollFirst();
        if (entry != null) {
            taken(entry, noAck);
            checkFlow();
        }
        return entry;
    }

    public void addConsumer(Consumer consumer) {
        consumers.addLast(consumer);
        hadConsumer = true;
        dispatch();
    }

    /** Removes a consumer; an auto-delete queue that loses its last consumer is deleted. */
    public void removeConsumer(Consumer consumer) {
        if (consumers.remove(consumer) && consumers.isEmpty() && autoDelete && hadConsumer && !deleted) {
            vhost.deleteQueue(this);
        }
        checkFlow();
    }

    /** The message was acknowledged: it leaves the queue for good. */
    public void ack(QueueEntry entry) {
        settle(entry);
    }

    /** The message was rejected without requeue: it is dropped, as RabbitMQ drops it. */
    public void discard(QueueEntry entry) {
        settle(entry);
    }

    private void settle(QueueEntry entry) {
        if (!deleted) {
            unacked--;
        }
        entry.message.release(vhost.gauge());
    }

    /**
     * Puts unacknowledged messages back at their original positions, marked redelivered, and
     * delivers again.
     */
    public void requeue(Collection<QueueEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (deleted) {
            entries.forEach(e -> e.message.release(vhost.gauge()));
            return;
        }
        List<QueueEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(e -> e.seq));
        for (QueueEntry e : sorted) {
            e.redelivered = true;
        }
        unacked -= sorted.size();
        if (ready.isEmpty() || sorted.get(sorted.size() - 1).seq < ready.peekFirst().seq) {
            for (int i = sorted.size() - 1; i >= 0; i--) {
                ready.addFirst(sorted.get(i));
            }
        } else {
            merge(sorted);
        }
        dispatch();
    }

    private void merge(List<QueueEntry> sorted) {
        ArrayDeque<QueueEntry> merged = new ArrayDeque<>(ready.size() + sorted.size());
        Iterator<QueueEntry> a = ready.iterator();
        int b = 0;
        QueueEntry x = a.hasNext() ? a.next() : null;
        while (x != null || b < sorted.size()) {
            if (x == null || (b < sorted.size() && sorted.get(b).seq < x.seq)) {
                merged.addLast(sorted.get(b++));
            } else {
                merged.addLast(x);
                x = a.hasNext() ? a.next() : null;
            }
        }
        ready.clear();
        ready.addAll(merged);
    }

    /** Drops every ready message and returns how many there were. Unacked ones stay. */
    public int purge() {
        int count = ready.size();
        for (QueueEntry e : ready) {
            e.message.release(vhost.gauge());
        }
        ready.clear();
        checkFlow();
        return count;
    }

    /**
     * Delivers ready messages to consumers that can take them, in round-robin order: a consumer
     * that received one goes to the back of the line.
     */
    public void dispatch() {
        if (dispatching || deleted) {
            return;
        }
        dispatching = true;
        try {
            dropExpired();
            while (!ready.isEmpty() && !consumers.isEmpty()) {
                Consumer consumer = nextReadyConsumer();
                if (consumer == null) {
                    break;
                }
                QueueEntry entry = ready.pollFirst();
                taken(entry, consumer.noAck());
                consumer.deliver(this, entry);
                dropExpired();
            }
        } finally {
            dispatching = false;
        }
        checkFlow();
    }

    /** Tells flow control how the queue stands; costs one comparison unless the backlog is long. */
    private void checkFlow() {
        int count = ready.size();
        if (flow.watching(count)) {
            flow.update(count, consumerWaitsOnSocket());
        }
    }

    private boolean consumerWaitsOnSocket() {
        for (Consumer c : consumers) {
            if (c.waitsOnSocket()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops expired messages at the head of the queue, as RabbitMQ does (an expired message
     * behind a live one waits until it reaches the head), and sets a timer for the next expiry.
     */
    private void dropExpired() {
        if (ready.isEmpty()) {
            return;
        }
        long now = vhost.timers().now();
        QueueEntry head = ready.peekFirst();
        while (head != null && head.expiresAt <= now) {
            ready.pollFirst();
            head.message.release(vhost.gauge());
            head = ready.peekFirst();
        }
        if (head != null && head.expiresAt != Long.MAX_VALUE && head.expiresAt < expiryTimerAt) {
            if (expiryTimer != null) {
                expiryTimer.cancel();
            }
            expiryTimerAt = head.expiresAt;
            expiryTimer = vhost.timers().schedule(() -> {
                expiryTimer = null;
                expiryTimerAt = Long.MAX_VALUE;
                if (!deleted) {
                    dropExpired();
                    checkFlow();
                }
            }, Math.max(0, head.expiresAt - now));
        }
    }

    private Consumer nextReadyConsumer() {
        for (int i = consumers.size(); i > 0; i--) {
            Consumer c = consumers.pollFirst();
            consumers.addLast(c);
            if (c.canTake()) {
                return c;
            }
        }
        return null;
    }

    private void taken(QueueEntry entry, boolean noAck) {
        if (noAck) {
            entry.message.release(vhost.gauge());
        } else {
            unacked++;
        }
    }

    /** Called by the vhost when the queue is deleted: consumers are cancelled, messages dropped. */
    int markDeleted() {
        deleted = true;
        if (expiryTimer != null) {
            expiryTimer.cancel();
            expiryTimer = null;
        }
        int count = purge();
        flow.grant();
        List<Consumer> gone = new ArrayList<>(consumers);
        consumers.clear();
        for (Consumer c : gone) {
            c.cancelledByBroker(this);
        }
        return count;
    }

    @Override
    public String toString() {
        return describe();
    }
}
