package io.mensajero.broker.internal.model;

/**
 * Heap the broker's messages take (what {@link Message#heapCost()} counts, for messages queues
 * hold in memory and messages on their way to disk), against a high watermark. Past half the
 * watermark queues page new messages out to disk (when the broker has a data directory);
 * crossing the watermark raises the memory alarm, the last resort; falling back under it clears
 * the alarm. Confined to the broker thread.
 */
public final class MemoryGauge {
    public interface AlarmListener {
        void alarmChanged(boolean raised);
    }

    private long highWatermark;
    private long bytes;
    private boolean alarm;
    private AlarmListener listener = raised -> { };

    public MemoryGauge(long highWatermark) {
        this.highWatermark = highWatermark;
    }

    public void listener(AlarmListener listener) {
        this.listener = listener;
    }

    /** Changes the watermark, as rabbitmqctl set_vm_memory_high_watermark does, and re-checks. */
    public void highWatermark(long newWatermark) {
        highWatermark = newWatermark;
        add(0);
    }

    /** Whether queues should keep only a small window of messages in memory and page the rest. */
    public boolean paging() {
        return bytes > highWatermark / 2;
    }

    public void add(long delta) {
        bytes += delta;
        boolean over = bytes > highWatermark;
        if (over != alarm) {
            alarm = over;
            listener.alarmChanged(over);
        }
    }

    public long bytes() {
        return bytes;
    }

    public boolean alarm() {
        return alarm;
    }

    public long highWatermark() {
        return highWatermark;
    }
}
