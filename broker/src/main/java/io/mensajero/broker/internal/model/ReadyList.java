package io.mensajero.broker.internal.model;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * A queue's ready messages held in memory, in the order they go out. A plain queue keeps one FIFO
 * ({@link #fifo()}); a queue with x-max-priority keeps one FIFO per priority and serves the
 * highest non-empty one first ({@link #byPriority}), as RabbitMQ's priority queues do. Requeued
 * messages go back to their original position (by sequence number) in their own FIFO.
 */
abstract class ReadyList implements Iterable<QueueEntry> {

    static ReadyList fifo() {
        return new Fifo();
    }

    /** One sub-queue per priority 0..maxPriority; a higher priority counts as maxPriority, none as 0. */
    static ReadyList byPriority(int maxPriority) {
        return new ByPriority(maxPriority);
    }

    abstract int size();

    /** Whether it orders messages by priority (x-max-priority). */
    final boolean ordersByPriority() {
        return this instanceof ByPriority;
    }

    final boolean isEmpty() {
        return size() == 0;
    }

    /** A new message (or one read back from disk) joins the end of its FIFO. */
    abstract void add(QueueEntry e);

    /** The next message to go out, or null. */
    abstract QueueEntry peek();

    abstract QueueEntry poll();

    /** Puts entries back at their original positions; {@code sorted} is in sequence order. */
    abstract void requeue(List<QueueEntry> sorted);

    abstract void clear();

    /** A FIFO ordered by sequence number. */
    /** Takes out the entries that match, the others staying in their order; returns those taken. */
    final List<QueueEntry> removeWhere(java.util.function.Predicate<QueueEntry> match) {
        List<QueueEntry> kept = new java.util.ArrayList<>(size());
        List<QueueEntry> taken = new java.util.ArrayList<>();
        for (QueueEntry e; (e = poll()) != null; ) {
            (match.test(e) ? taken : kept).add(e);
        }
        kept.forEach(this::add);
        return taken;
    }

    static final class Fifo extends ReadyList {
        private final ArrayDeque<QueueEntry> entries = new ArrayDeque<>();

        @Override
        int size() {
            return entries.size();
        }

        @Override
        void add(QueueEntry e) {
            entries.addLast(e);
        }

        @Override
        QueueEntry peek() {
            return entries.peekFirst();
        }

        @Override
        QueueEntry poll() {
            return entries.pollFirst();
        }

        @Override
        void clear() {
            entries.clear();
        }

        @Override
        public Iterator<QueueEntry> iterator() {
            return entries.iterator();
        }

        @Override
        void requeue(List<QueueEntry> sorted) {
            if (entries.isEmpty() || sorted.get(sorted.size() - 1).seq < entries.peekFirst().seq) {
                for (int i = sorted.size() - 1; i >= 0; i--) {
                    entries.addFirst(sorted.get(i));
                }
                return;
            }
            ArrayDeque<QueueEntry> merged = new ArrayDeque<>(entries.size() + sorted.size());
            Iterator<QueueEntry> a = entries.iterator();
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
            entries.clear();
            entries.addAll(merged);
        }
    }

    /** One {@link Fifo} per priority, the highest served first. */
    static final class ByPriority extends ReadyList {
        private final Fifo[] levels;
        private int size;

        ByPriority(int maxPriority) {
            levels = new Fifo[maxPriority + 1];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = new Fifo();
            }
        }

        private Fifo levelOf(QueueEntry e) {
            return levels[Math.min(e.message.priority(), levels.length - 1)];
        }

        @Override
        int size() {
            return size;
        }

        @Override
        void add(QueueEntry e) {
            levelOf(e).add(e);
            size++;
        }

        private Fifo highest() {
            for (int i = levels.length - 1; i >= 0; i--) {
                if (levels[i].size() > 0) {
                    return levels[i];
                }
            }
            return null;
        }

        @Override
        QueueEntry peek() {
            Fifo f = highest();
            return f == null ? null : f.peek();
        }

        @Override
        QueueEntry poll() {
            Fifo f = highest();
            if (f == null) {
                return null;
            }
            size--;
            return f.poll();
        }

        @Override
        void requeue(List<QueueEntry> sorted) {
            List<QueueEntry>[] byLevel = split(sorted);
            for (int i = 0; i < levels.length; i++) {
                if (byLevel[i] != null) {
                    levels[i].requeue(byLevel[i]);
                }
            }
            size += sorted.size();
        }

        @SuppressWarnings("unchecked")
        private List<QueueEntry>[] split(List<QueueEntry> sorted) {
            List<QueueEntry>[] byLevel = new List[levels.length];
            for (QueueEntry e : sorted) {
                int level = Math.min(e.message.priority(), levels.length - 1);
                if (byLevel[level] == null) {
                    byLevel[level] = new java.util.ArrayList<>();
                }
                byLevel[level].add(e);
            }
            return byLevel;
        }

        @Override
        void clear() {
            for (Fifo f : levels) {
                f.clear();
            }
            size = 0;
        }

        /** Highest priority first, each in its order. */
        @Override
        public Iterator<QueueEntry> iterator() {
            List<QueueEntry> all = new java.util.ArrayList<>(size);
            for (int i = levels.length - 1; i >= 0; i--) {
                levels[i].forEach(all::add);
            }
            return all.iterator();
        }
    }
}
