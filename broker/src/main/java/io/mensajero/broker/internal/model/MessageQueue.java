package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.AppliedPolicy;
import io.mensajero.broker.internal.arguments.QueueArguments;
import io.mensajero.broker.internal.arguments.QueueSettings;
import io.mensajero.broker.internal.arguments.QueueType;
import io.mensajero.broker.internal.stats.QueueStats;
import io.mensajero.broker.internal.store.QueueLog;
import io.mensajero.broker.internal.store.StoredMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A classic queue: ready messages in order, the consumers in round-robin order, and a count of
 * messages delivered but not yet acknowledged. Requeued messages go back to their original
 * position, marked redelivered, as in RabbitMQ. The ready messages are an in-memory head and,
 * with a data directory, an on-disk tail behind it ({@link QueueStorage}): past the head's
 * window new messages go to disk, and they are read back ahead of the consumers. Its settings
 * (arguments) apply through small parts: {@link ReadyList} (x-max-priority),
 * {@link ConsumerSelection} (consumer priorities, single active consumer), {@link LengthLimit}
 * (x-max-length, x-max-length-bytes, x-overflow); {@link QueuePolicy} combines them with its policies.
 * A stream queue is a {@link StreamQueue}.
 *
 * <p>Confined to the broker thread, like the whole model.
 */
public sealed class MessageQueue implements BindingDestination permits StreamQueue {
    private final VirtualHost vhost;
    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final Object exclusiveOwner;
    private final Map<String, Object> arguments;
    private final QueueStats stats = new QueueStats();
    private final MessageTtl ttl;
    private final QueueExpiry expiry;

    /** Returned by {@link #enqueue} when the queue refuses the message (x-overflow reject-publish). */
    public static final long REFUSED = -1;

    private final QueuePolicy policy;
    private final ReadyList ready;
    private final QueueStorage storage;
    private final ConsumerSelection consumers;
    private final LengthLimit limit;
    /** basic.get calls waiting for the head to come back from disk. */
    private final List<Runnable> waitingGets = new ArrayList<>();
    private final QueueFlow flow = new QueueFlow();
    private long nextSeq;
    /** Heap cost of the ready messages held in memory. */
    private long headBytes;
    private int unacked;
    private boolean hadConsumer;
    private boolean dispatching;
    private boolean deleted;

    MessageQueue(VirtualHost vhost, String name, boolean durable, boolean autoDelete,
                 Object exclusiveOwner, Map<String, Object> arguments, QueueLog recovered) {
        this.vhost = vhost;
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.exclusiveOwner = exclusiveOwner;
        this.arguments = arguments == null ? Map.of() : arguments;
        QueueSettings own = QueueArguments.settings(this.arguments);
        this.policy = new QueuePolicy(own, vhost.policies().forQueue(name, own.type()));
        QueueSettings settings = policy.settings();
        Integer maxPriority = settings.maxPriority();
        this.ready = maxPriority == null || maxPriority == 0 ? ReadyList.fifo() : ReadyList.byPriority(maxPriority);
        this.consumers = new ConsumerSelection(settings.singleActiveConsumer());
        this.limit = new LengthLimit(settings);
        this.ttl = new MessageTtl(settings.messageTtl(), this);
        this.expiry = new QueueExpiry(this, settings.expires());
        expiry.touch();
        this.storage = new QueueStorage(this, vhost.store(), durable && exclusiveOwner == null
                && settings.type() != QueueType.STREAM, recovered);
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

    /** What its arguments and policies ask of it (dead-lettering, TTL, expiry, limits). */
    public QueueSettings settings() {
        return policy.settings();
    }

    /** The policy and operator policy applied to it, and their definition. */
    public AppliedPolicy policy() {
        return policy.applied();
    }

    /**
     * Its vhost's policies changed ({@link VhostPolicies}); what applies now takes effect at once, as
     * in RabbitMQ: a new length limit drops the head now, a new x-expires countdown starts, ready
     * messages keep the expiry they entered with. A stream only shows it: its retention comes from
     * its arguments.
     */
    void policyChanged(AppliedPolicy next) {
        if (!deleted && policy.take(next) && settings().type() != QueueType.STREAM) {
            limit.configure(settings(), backlog());
            ttl.configure(settings().messageTtl());
            expiry.configure(settings().expires());
            dropHeads();
            dispatch();
        }
    }

    /**
     * The message as this delivery sends it: a quorum queue adds x-delivery-count (basic.get
     * always, a consumer once the message was given back).
     */
    public Message delivered(QueueEntry entry, boolean get) {
        return settings().type() == QueueType.QUORUM ? DeliveryCount.asDelivered(entry, get) : entry.message;
    }

    /** queue.declare (passive too) of the existing queue: it was used (x-expires starts again). */
    public void declaredAgain() {
        expiry.touch();
    }

    /** Ready messages, in memory and on disk: what queue.declare-ok and basic.get-ok report. */
    public int messageCount() {
        dropExpired();
        return ready.size() + storage.tailCount();
    }

    /**
     * How far behind this queue is: ready messages waiting for a consumer, in memory and on disk.
     * For flow control, which reads publishers more slowly while the queues they feed fall behind.
     */
    public int backlog() {
        return ready.size() + storage.tailCount();
    }

    /** Ready messages paged out to disk, not yet read back (part of {@link #backlog()}). */
    int pagedOut() {
        return storage.tailCount();
    }

    /** Messages delivered and not yet acknowledged. */
    public int unackedCount() {
        return unacked;
    }

    /** The management API's counters of this queue. */
    public QueueStats stats() {
        return stats;
    }

    /** The consumers, in the order the next message looks for one. */
    public Collection<Consumer> consumers() {
        List<Consumer> all = new ArrayList<>();
        consumers.forEach(all::add);
        return all;
    }

    /**
     * Drops the ready messages held in memory that are not persistent (delivery mode 2), as a
     * broker restart does; returns how many. Transient messages paged out to disk stay (a gap).
     */
    public int dropTransientMessages() {
        List<QueueEntry> dropped = ready.removeWhere(e -> !e.message.isPersistent());
        for (QueueEntry e : dropped) {
            headBytes -= e.message.heapCost();
            limit.removedFromHead(e.message);
            drop(e);
        }
        dropExpired();
        checkFlow();
        return dropped.size();
    }

    /** Consumers as queue.declare-ok counts them: a quorum queue with a single active consumer counts the active one. */
    public int consumerCount() {
        if (consumers.singleActive() && settings().type() == QueueType.QUORUM) {
            return Math.min(1, consumers.size());
        }
        return consumers.size();
    }

    /** Body bytes of the ready messages (RabbitMQ's message_bytes_ready). */
    public long readyBytes() {
        return limit.readyBytes();
    }

    /** Flow control: whether this queue grants publishers credit now. */
    public QueueFlow flow() {
        return flow;
    }

    public boolean hasExclusiveConsumer() {
        return consumers.size() == 1 && consumers.first().exclusive();
    }

    /**
     * Appends a message routed here and delivers what it can. As in RabbitMQ, a message that
     * arrives at an empty queue goes straight to a consumer that can take it, before its TTL is
     * looked at: so even {@code expiration "0"} reaches a consumer ready for it, and expires at
     * once otherwise. Returns the store's sync number its publisher confirm must wait for (a
     * persistent message on a durable queue), else 0, or {@link #REFUSED} when its length limit
     * refuses it (its publisher gets a nack).
     */
    public long enqueue(Message message) {
        if (deleted) {
            return 0;
        }
        if (limit.refuses(message, backlog())) {
            if (limit.deadLettersRefused()) {
                DeadLetters.publish(this, message, DeadLetters.Reason.MAXLEN);
            }
            return REFUSED;
        }
        long ttl = this.ttl.ttlOf(message);
        MemoryGauge gauge = vhost.gauge();
        if (storage.shouldPage(ready.size(), headBytes, gauge)) {
            long sync = storage.pageOut(message, ttl, gauge);
            limit.pagedOut(message);
            limit.taken(backlog());
            dropHeads();
            readAhead();
            checkFlow();
            return sync;
        }
        message.hold(gauge);
        long expiresAt = this.ttl.expiresAt(ttl);
        QueueEntry entry = storage.keep(nextSeq++, message, ttl, expiresAt);
        long sync = storage.syncOf(entry);
        dropExpired();
        Consumer consumer = ready.isEmpty() && storage.tailCount() == 0 && !dispatching ? consumers.next() : null;
        if (consumer != null) {
            taken(entry, consumer.noAck());
            consumer.deliver(this, entry);
            return sync;
        }
        ready.add(entry);
        headBytes += message.heapCost();
        limit.addedToHead(message);
        dispatch();
        limit.taken(backlog());
        if (limit.mustDropHead(backlog())) {
            dropHeads();
            checkFlow();
        }
        return sync;
    }

    /**
     * basic.get would find the head empty with messages on disk: it must wait for them
     * ({@link #whenReadBack}) rather than answer get-empty.
     */
    public boolean headOnDisk() {
        dropExpired();
        return ready.isEmpty() && storage.tailCount() > 0;
    }

    /**
     * Reads the head back from disk (off the loop) and runs {@code then} on the loop once the read
     * came back, or the queue was purged or deleted meanwhile.
     */
    public void whenReadBack(Runnable then) {
        waitingGets.add(then);
        storage.readSoon(this::readBack, ready.ordersByPriority());
    }

    private void serveWaitingGets() {
        List<Runnable> waiting = new ArrayList<>(waitingGets);
        waitingGets.clear();
        waiting.forEach(Runnable::run);
    }

    /** basic.get: takes the head message, or null (see {@link #headOnDisk}). Unless noAck, it stays counted as unacked. */
    public QueueEntry get(boolean noAck) {
        expiry.touch();
        dropExpired();
        QueueEntry entry = pollReady();
        if (entry != null) {
            taken(entry, noAck);
            dropExpired(); // the new head may expire before the one its timer was set for
            readAhead();
            checkFlow();
        }
        return entry;
    }

    private QueueEntry pollReady() {
        QueueEntry e = ready.poll();
        if (e != null) {
            headBytes -= e.message.heapCost();
            limit.removedFromHead(e.message);
        }
        return e;
    }

    /**
     * drop-head: drops the oldest ready messages (dead-lettered as maxlen) while the queue is over
     * its length limits. When the head is on disk it is read back first, and dropped then.
     */
    private void dropHeads() {
        while (limit.mustDropHead(backlog())) {
            QueueEntry head = pollReady();
            if (head == null) {
                storage.readSoon(this::readBack, ready.ordersByPriority());
                return;
            }
            drop(head);
            DeadLetters.publish(this, head.message, DeadLetters.Reason.MAXLEN);
        }
        dropExpired();
    }

    private void readAhead() {
        if (!deleted) {
            storage.readAhead(ready.size(), headBytes, vhost.gauge(), this::readBack);
        }
    }

    /** Messages read back from disk join the head, behind everything already there. */
    private void readBack(List<StoredMessage> messages) {
        if (deleted) {
            return;
        }
        for (StoredMessage sm : messages) {
            QueueEntry e = storage.entry(nextSeq++, sm, vhost.timers());
            e.message.hold(vhost.gauge());
            headBytes += e.message.heapCost();
            limit.readBack(e.message);
            ready.add(e);
        }
        dropHeads();
        serveWaitingGets();
        dispatch();
    }

    public void addConsumer(Consumer consumer) {
        consumers.add(consumer);
        hadConsumer = true;
        expiry.inUse();
        dispatch();
    }

    /**
     * Removes a consumer; an auto-delete queue that loses its last consumer is deleted. The others
     * may now take what it was preferred for (a single active consumer's successor, lower
     * priorities): they are served on the loop's next turn, after the messages of a closing
     * channel went back to the queue.
     */
    public void removeConsumer(Consumer consumer) {
        boolean removed = consumers.remove(consumer);
        if (removed && consumers.isEmpty() && autoDelete && hadConsumer && !deleted) {
            vhost.deleteQueue(this);
        } else if (removed && consumers.isEmpty() && !deleted) {
            expiry.touch();
        } else if (removed && !consumers.isEmpty() && !ready.isEmpty()) {
            vhost.timers().schedule(this::dispatch, 0);
        }
        checkFlow();
    }

    /** The message was acknowledged: it leaves the queue for good. */
    public void ack(QueueEntry entry) {
        settle(entry);
    }

    /** The message was rejected without requeue: it is dead-lettered, or dropped without a dead-letter exchange. */
    public void discard(QueueEntry entry) {
        settle(entry);
        if (!deleted) {
            DeadLetters.publish(this, entry.message, DeadLetters.Reason.REJECTED);
        }
    }

    private void settle(QueueEntry entry) {
        if (!deleted) {
            unacked--;
        }
        drop(entry);
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
        List<QueueEntry> sorted = new ArrayList<>(entries.size());
        for (QueueEntry e : entries) {
            if (settings().type() == QueueType.QUORUM && DeliveryCount.returnedPastLimit(e, settings())) {
                settle(e);
                DeadLetters.publish(this, e.message, DeadLetters.Reason.DELIVERY_LIMIT);
            } else {
                sorted.add(e);
            }
        }
        if (sorted.isEmpty()) {
            return;
        }
        sorted.sort(Comparator.comparingLong(e -> e.seq));
        for (QueueEntry e : sorted) {
            e.redelivered = true;
            headBytes += e.message.heapCost();
            limit.addedToHead(e.message);
        }
        unacked -= sorted.size();
        ready.requeue(sorted);
        dropHeads();
        dispatch();
    }

    /** Drops every ready message and returns how many there were. Unacked ones stay. */
    public int purge() {
        int count = ready.size();
        for (QueueEntry e : ready) {
            drop(e);
        }
        ready.clear();
        headBytes = 0;
        limit.purged();
        int total = count + storage.purgeTail();
        if (!waitingGets.isEmpty()) {
            // the read they wait for is called off; they answer on their own turn of the loop
            vhost.timers().schedule(this::serveWaitingGets, 0);
        }
        checkFlow();
        return total;
    }

    /**
     * Delivers ready messages to consumers that can take them, in round-robin order: a consumer
     * that received one goes to the back of the line. The head's expiry timer runs it too: what
     * expired goes first, and a tail on disk is read back behind it (to expire in turn).
     */
    public void dispatch() {
        if (dispatching || deleted) {
            return;
        }
        dispatching = true;
        try {
            dropExpired();
            while (!ready.isEmpty() && !consumers.isEmpty()) {
                Consumer consumer = consumers.next();
                if (consumer == null) {
                    break;
                }
                QueueEntry entry = pollReady();
                taken(entry, consumer.noAck());
                consumer.deliver(this, entry);
                dropExpired();
            }
        } finally {
            dispatching = false;
        }
        readAhead();
        checkFlow();
    }

    /** Tells flow control how the queue stands; costs one comparison unless the backlog is long. */
    private void checkFlow() {
        flow.check(backlog(), ready.isEmpty() && storage.tailCount() > 0, consumers);
    }

    /**
     * Drops expired messages at the head of the queue, as RabbitMQ does (an expired message
     * behind a live one waits until it reaches the head), and sets a timer for the next expiry.
     */
    private void dropExpired() {
        if (ready.isEmpty()) {
            return;
        }
        long now = ttl.now();
        QueueEntry head = ready.peek();
        while (head != null && head.expiresAt <= now && !deleted) {
            pollReady();
            drop(head);
            DeadLetters.publish(this, head.message, DeadLetters.Reason.EXPIRED);
            head = ready.peek();
        }
        if (head != null && !deleted) {
            ttl.armFor(head.expiresAt);
        }
    }

    private void taken(QueueEntry entry, boolean noAck) {
        if (noAck) {
            drop(entry);
        } else {
            unacked++;
        }
    }

    /** The entry leaves the queue for good: its record is settled on disk, its memory released. */
    private void drop(QueueEntry e) {
        storage.settle(e);
        e.message.release(vhost.gauge());
    }

    /** Called by the vhost when the queue is deleted: consumers are cancelled, messages dropped. */
    int markDeleted() {
        deleted = true;
        ttl.cancel();
        expiry.cancel();
        storage.delete();
        int count = purge();
        flow.grant();
        List<Consumer> gone = new ArrayList<>();
        consumers.forEach(gone::add);
        consumers.clear();
        for (Consumer c : gone) {
            c.cancelledByBroker(this);
        }
        return count;
    }

    /** A clean stop: what must come back redelivered is noted, the files are closed. */
    void closeClean() {
        storage.closeClean(ready);
    }

    @Override
    public String toString() {
        return describe();
    }
}
