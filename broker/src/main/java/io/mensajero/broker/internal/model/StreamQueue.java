package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.arguments.StreamOffset;
import io.mensajero.broker.internal.arguments.StreamSettings;
import io.mensajero.broker.internal.store.StreamLog;
import io.mensajero.broker.internal.store.StreamSegments;
import io.mensajero.broker.internal.store.StoredMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream queue ({@code x-queue-type stream}) as RabbitMQ 3.10 serves it to AMQP 0-9-1
 * clients: an append-only log. Every message routed here gets the next offset and stays until
 * retention ({@code x-max-length-bytes}, {@code x-max-age}) drops the segment that holds it;
 * acks only give the consumer its credit back. Each consumer reads from its own offset
 * ({@code x-stream-offset}, {@link StreamOffset}), within its prefetch, and every delivery
 * carries its offset in the {@code x-stream-offset} header. basic.get, queue.purge, nack and
 * reject are refused (540), as RabbitMQ refuses them.
 *
 * <p>With a data directory the log is the store's {@link StreamLog} (every message written and
 * fsynced before its confirm) and the newest messages stay in memory ({@link StreamWindow});
 * older ones are read from disk for the consumers that want them, off the loop. Without one, the
 * window holds every message the stream keeps. Confined to the broker thread.
 */
public final class StreamQueue extends MessageQueue {
    /** Segment size without a data directory, when the arguments set none (as the store's). */
    static final long MEMORY_SEGMENT_SIZE = 8L * 1024 * 1024;
    private static final int READ_COUNT = 256;
    private static final long READ_BYTES = 1024 * 1024;

    private final StreamSettings retention;
    private final StreamLog log;
    private final StreamSegments segments;
    private final StreamWindow window = new StreamWindow();
    private final List<StreamCursor> cursors = new ArrayList<>();
    private long lastTimestamp;
    private boolean dispatching;
    private boolean deleted;

    StreamQueue(VirtualHost vhost, String name, Map<String, Object> arguments, StreamLog recovered) {
        super(vhost, name, true, false, null, arguments, null);
        this.retention = StreamSettings.of(arguments);
        StreamLog l = recovered;
        if (l == null && vhost.store() != null) {
            l = vhost.store().durableStream(vhost.name(), name, false, retention.maxSegmentSizeBytes());
        }
        this.log = l;
        this.segments = l != null ? l.segments() : new StreamSegments(retention.maxSegmentSizeBytes() == null
                ? MEMORY_SEGMENT_SIZE : retention.maxSegmentSizeBytes());
    }

    /**
     * basic.consume's checks for a stream, in RabbitMQ's order once the queue and the consumer
     * arguments' types were checked: x-stream-offset (406), a prefetch (406), manual acks (540), no
     * global prefetch (540). Returns where the consumer starts.
     */
    public StreamOffset checkConsumer(Map<String, Object> arguments, boolean noAck, int prefetch,
                                      int globalPrefetch) {
        StreamOffset start = StreamOffset.parse(describe(), arguments == null ? null : arguments.get("x-stream-offset"),
                System.currentTimeMillis());
        if (prefetch == 0) {
            throw AmqpException.preconditionFailed("consumer prefetch count is not set for '%s'", describe());
        }
        if (noAck) {
            throw AmqpException.notImplemented("automatic acknowledgement not supported by stream queues %s", describe());
        }
        if (globalPrefetch > 0) {
            throw AmqpException.notImplemented("%s does not support global qos", describe());
        }
        return start;
    }

    /** basic.nack and basic.reject of a stream's messages: 540. */
    public AmqpException cannotRequeueOrReject() {
        return AmqpException.notImplemented("basic.nack and basic.reject not supported by stream queues %s",
                describe());
    }


    /** The offset the next message gets. */
    public long nextOffset() {
        return segments.nextOffset();
    }

    /** The oldest offset the stream keeps. */
    public long firstOffset() {
        return segments.firstOffset();
    }

    /** Messages in the log (from the first offset kept to the last). */
    @Override
    public int messageCount() {
        return (int) Math.min(Integer.MAX_VALUE, segments.nextOffset() - segments.firstOffset());
    }

    /** A stream has no backlog: consumers read at their own pace, publishers are never held for them. */
    @Override
    public int backlog() {
        return 0;
    }

    @Override
    int pagedOut() {
        return 0;
    }

    /** As RabbitMQ counts a stream's messages: all ready, none unacknowledged. */
    @Override
    public int unackedCount() {
        return 0;
    }

    /** The log's size in bytes (segments, record headers included). */
    @Override
    public long readyBytes() {
        return segments.bytes();
    }

    @Override
    public Collection<Consumer> consumers() {
        List<Consumer> all = new ArrayList<>();
        cursors.forEach(c -> all.add(c.consumer));
        return all;
    }

    @Override
    public int consumerCount() {
        return cursors.size();
    }

    /** RabbitMQ lets any number of consumers read a stream, exclusive or not. */
    @Override
    public boolean hasExclusiveConsumer() {
        return false;
    }

    /** A restart keeps a stream whole: every message is written, whatever its delivery mode. */
    @Override
    public int dropTransientMessages() {
        return 0;
    }

    /** The delivered message carries its offset in the x-stream-offset header (a long). */
    @Override
    public Message delivered(QueueEntry entry, boolean get) {
        Message m = entry.message;
        Map<String, Object> headers = m.properties().headers() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(m.properties().headers());
        headers.put("x-stream-offset", entry.seq);
        return m.withProperties(m.properties().withHeaders(headers));
    }

    /**
     * Appends the message at the next offset (written to the log with a data directory: its
     * confirm waits for that sync number) and hands it to the consumers that are there.
     */
    @Override
    public long enqueue(Message message) {
        if (deleted) {
            return 0;
        }
        long offset = segments.nextOffset();
        long timestamp = Math.max(lastTimestamp, System.currentTimeMillis());
        lastTimestamp = timestamp;
        long sync = 0;
        if (log != null) {
            sync = log.append(message, offset, timestamp);
        } else {
            segments.add(offset, timestamp, StreamLog.recordSize(message));
        }
        message.hold(vhost().gauge());
        window.add(new StreamWindow.Entry(offset, timestamp, message));
        if (segments.takeRolled()) {
            applyRetention();
        }
        trimWindow();
        dispatch();
        return sync;
    }

    /** At a roll: whole segments over the limits go from the head. */
    private void applyRetention() {
        List<Integer> dropped = segments.retain(retention.maxLengthBytes(), retention.maxAgeMillis(),
                System.currentTimeMillis());
        if (log != null && !dropped.isEmpty()) {
            log.drop(dropped);
        }
    }

    /** Lets go of messages retention dropped and, with a data directory, of those past the window. */
    private void trimWindow() {
        MemoryGauge gauge = vhost().gauge();
        long first = segments.firstOffset();
        int maxMessages = gauge.paging() ? QueueStorage.PRESSURE_WINDOW_MESSAGES : QueueStorage.WINDOW_MESSAGES;
        long maxBytes = gauge.paging() ? QueueStorage.PRESSURE_WINDOW_BYTES : QueueStorage.WINDOW_BYTES;
        while (window.size() > 0 && (window.firstOffset() < first
                || (log != null && window.size() > 1 && (window.size() > maxMessages || window.heapBytes() > maxBytes)))) {
            window.removeFirst().message().release(gauge);
        }
    }

    @Override
    public void addConsumer(Consumer consumer) {
        addConsumer(consumer, StreamOffset.NEXT);
    }

    /** A consumer that starts at {@code start} (checked by {@link #checkConsumer}). */
    public void addConsumer(Consumer consumer, StreamOffset start) {
        StreamCursor c = new StreamCursor(consumer);
        cursors.add(c);
        long first = segments.firstOffset();
        long next = segments.nextOffset();
        switch (start.kind()) {
            case FIRST -> c.next = first;
            case LAST -> c.next = next > first ? next - 1 : next;
            case NEXT -> c.next = next;
            case OFFSET -> c.next = Math.max(first, start.value());
            case TIMESTAMP -> locate(c, start.value());
        }
        serve(c);
    }

    /** The first message at or after a time: in the window, or found on disk (the consumer waits). */
    private void locate(StreamCursor c, long timestampMillis) {
        StreamWindow.Entry oldest = window.first();
        if (log == null || (oldest != null && oldest.offset() == segments.firstOffset())
                || (oldest != null && oldest.timestamp() <= timestampMillis)) {
            long found = window.offsetAtOrAfter(timestampMillis);
            c.next = found >= 0 ? found : segments.nextOffset();
            return;
        }
        c.locating = true;
        log.locate(timestampMillis, offset -> {
            c.locating = false;
            c.next = offset;
            serve(c);
        });
    }

    @Override
    public void removeConsumer(Consumer consumer) {
        cursors.removeIf(c -> {
            c.removed = c.consumer == consumer;
            return c.removed;
        });
    }

    @Override
    public void dispatch() {
        if (dispatching || deleted) {
            return;
        }
        dispatching = true;
        try {
            for (StreamCursor c : new ArrayList<>(cursors)) {
                serve(c);
            }
        } finally {
            dispatching = false;
        }
    }

    /** Delivers to one consumer what it may take: from what was read for it, the window, or a read from disk. */
    private void serve(StreamCursor c) {
        while (!deleted && !c.locating && !c.removed && c.consumer.canTake()) {
            if (c.next < segments.firstOffset()) {
                c.next = segments.firstOffset();
            }
            StreamWindow.Entry e = c.pending.pollFirst();
            while (e != null && e.offset() < c.next) {
                e = c.pending.pollFirst();
            }
            if (e == null && window.holds(c.next)) {
                e = window.at(c.next);
            }
            if (e == null) {
                if (log != null && c.next < segments.nextOffset()) {
                    read(c);
                }
                return;
            }
            c.next = e.offset() + 1;
            c.consumer.deliver(this, new QueueEntry(e.offset(), e.message(), Long.MAX_VALUE));
        }
    }

    /** Reads the next messages of a consumer that is behind the window, off the loop. */
    private void read(StreamCursor c) {
        if (c.reading) {
            return;
        }
        c.reading = true;
        long location = c.hintOffset == c.next ? c.hintLocation : -1;
        log.read(c.next, location, READ_COUNT, READ_BYTES, reads -> {
            c.reading = false;
            for (StreamLog.Read r : reads) {
                StoredMessage sm = r.message();
                c.pending.addLast(new StreamWindow.Entry(r.offset(), r.timestamp(),
                        new Message(sm.exchange(), sm.routingKey(), sm.rawProperties(), sm.body())));
            }
            if (reads.isEmpty()) {
                // nothing left on disk from there (retention): go on with what is in memory
                c.next = Math.max(c.next, window.size() > 0 ? window.firstOffset() : segments.nextOffset());
            } else {
                StreamLog.Read last = reads.get(reads.size() - 1);
                c.hintOffset = last.offset() + 1;
                c.hintLocation = last.nextLocation();
            }
            serve(c);
        });
    }

    /** An ack gives the consumer its credit back (its channel counts it); the message stays in the stream. */
    @Override
    public void ack(QueueEntry entry) {
    }

    @Override
    public void discard(QueueEntry entry) {
    }

    /** A channel closed holding deliveries: nothing goes back, the stream still has them. */
    @Override
    public void requeue(Collection<QueueEntry> entries) {
    }

    @Override
    public int purge() {
        throw AmqpException.notImplemented("queue.purge not supported by stream queues %s", describe());
    }

    @Override
    public QueueEntry get(boolean noAck) {
        throw AmqpException.notImplemented("basic.get not supported by stream queues %s", describe());
    }

    @Override
    public boolean headOnDisk() {
        return false;
    }

    @Override
    public void whenReadBack(Runnable then) {
        then.run();
    }

    /** Deleted: its consumers are cancelled, its files go; delete-ok counts 0 messages, as RabbitMQ's does. */
    @Override
    int markDeleted() {
        deleted = true;
        MemoryGauge gauge = vhost().gauge();
        while (window.size() > 0) {
            window.removeFirst().message().release(gauge);
        }
        if (log != null) {
            log.delete();
        }
        List<StreamCursor> gone = new ArrayList<>(cursors);
        cursors.clear();
        for (StreamCursor c : gone) {
            c.removed = true;
            c.consumer.cancelledByBroker(this);
        }
        return 0;
    }

    @Override
    void closeClean() {
        if (log != null) {
            log.closeClean();
        }
    }
}
