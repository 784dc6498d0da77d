package io.mensajero.broker.internal.model;

/**
 * Bytes of message bodies the broker holds, against a high watermark. Crossing the watermark
 * raises the memory alarm; falling back under it clears the alarm. Confined to the broker
 * thread.
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

    void add(long delta) {
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
