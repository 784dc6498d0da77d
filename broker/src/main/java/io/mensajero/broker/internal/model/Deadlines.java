package io.mensajero.broker.internal.model;

import java.util.Arrays;

/**
 * The queues' timers of one virtual host (the expiry of a queue's head, x-expires): one binary
 * heap ordered by due time behind a single timer of the broker loop, set for the earliest. A
 * queue holds one {@link Deadline} per purpose and moves it without allocating (O(log n) in the
 * heap); when the earliest deadline moves later, the loop's timer is left alone: it wakes, finds
 * nothing due and is set again. What falls due together runs in one turn of the loop, so what it
 * wrote to clients is flushed once; a turn stops after {@link #SLICE_NANOS} and the rest runs on
 * the next one, after the loop has read its sockets. Confined to the broker loop, like the model.
 */
final class Deadlines {
    /** How long one turn of the loop runs due deadlines before it lets the loop read its sockets. */
    static final long SLICE_NANOS = 2_000_000;

    private final Timers timers;
    private final Runnable wakeTask = this::wake;
    private Deadline[] heap = new Deadline[16];
    private int size;
    private Timers.Timer wakeTimer;
    private long wakeAt = Long.MAX_VALUE;
    private boolean waking;

    Deadlines(Timers timers) {
        this.timers = timers;
    }

    /** A deadline that runs {@code task} on the loop when it falls due; not set yet. */
    Deadline create(Runnable task) {
        return new Deadline(task);
    }

    long now() {
        return timers.now();
    }

    /** See {@link Timers#nowRoundedUp()}. */
    long nowRoundedUp() {
        return timers.nowRoundedUp();
    }

    /** Deadlines set (for tests and figures). */
    int pending() {
        return size;
    }

    /** One timer: at most one due time, on the broker's monotonic clock. */
    final class Deadline {
        private final Runnable task;
        private long at = Long.MAX_VALUE;
        private int index = -1;

        private Deadline(Runnable task) {
            this.task = task;
        }

        /** When it runs, or Long.MAX_VALUE when it is not set. */
        long at() {
            return at;
        }

        /** Runs the task at {@code when} (instead of when it was set for); Long.MAX_VALUE cancels. */
        void set(long when) {
            place(this, when);
        }

        void cancel() {
            remove(this);
        }
    }

    private void place(Deadline d, long when) {
        if (when == Long.MAX_VALUE) {
            remove(d);
            return;
        }
        long before = d.at;
        d.at = when;
        if (d.index < 0) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            d.index = size;
            heap[size++] = d;
            siftUp(d.index);
        } else if (when < before) {
            siftUp(d.index);
        } else if (when > before) {
            siftDown(d.index);
        }
        armWake();
    }

    private void remove(Deadline d) {
        int i = d.index;
        if (i < 0) {
            return;
        }
        d.index = -1;
        d.at = Long.MAX_VALUE;
        Deadline last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.index = i;
            siftDown(i);
            siftUp(last.index);
        }
        if (size == 0 && wakeTimer != null) {
            wakeTimer.cancel();
            wakeTimer = null;
            wakeAt = Long.MAX_VALUE;
        }
        if (heap.length > 64 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2);
        }
    }

    /** Sets the loop's timer for the earliest deadline, unless it wakes earlier anyway. */
    private void armWake() {
        if (waking || size == 0 || heap[0].at >= wakeAt) {
            return;
        }
        if (wakeTimer != null) {
            wakeTimer.cancel();
        }
        wakeAt = heap[0].at;
        wakeTimer = timers.schedule(wakeTask, Math.max(0, wakeAt - timers.now()));
    }

    /** The loop's timer: runs what is due, for one slice at most, and sets the timer again. */
    private void wake() {
        wakeTimer = null;
        wakeAt = Long.MAX_VALUE;
        waking = true;
        try {
            long started = System.nanoTime();
            long now = timers.now();
            while (size > 0 && heap[0].at <= now && System.nanoTime() - started < SLICE_NANOS) {
                Deadline d = heap[0];
                remove(d);
                d.task.run();
            }
        } finally {
            waking = false;
            armWake(); // also when a task failed: the others still run
        }
    }

    private void siftUp(int i) {
        Deadline d = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Deadline p = heap[parent];
            if (p.at <= d.at) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = d;
        d.index = i;
    }

    private void siftDown(int i) {
        Deadline d = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].at < heap[child].at) {
                child = right;
            }
            Deadline c = heap[child];
            if (d.at <= c.at) {
                break;
            }
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = d;
        d.index = i;
    }
}
