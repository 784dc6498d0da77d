package io.mensajero.broker.internal;

import io.mensajero.broker.internal.model.MemoryGauge;
import io.mensajero.broker.internal.store.Store;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The broker's resource alarms, as RabbitMQ raises them: memory (message bodies held in memory over
 * the high watermark, from the {@link MemoryGauge}) and disk (free space under the limit, from the
 * store). Connections are told the combined reason whenever it changes; the limits change at run
 * time as rabbitmqctl's set_vm_memory_high_watermark and set_disk_free_limit change them.
 * Confined to the broker loop.
 */
public final class ResourceAlarms {
    private final MemoryGauge gauge;
    private final RuntimeSettings settings;
    private final Consumer<String> changed;
    private Store store;
    private boolean diskAlarm;
    /** The reason the connections were last told (null: none). */
    private String told;

    /** @param changed told the new reason (or null) each time the combined alarm changes */
    ResourceAlarms(MemoryGauge gauge, RuntimeSettings settings, Consumer<String> changed) {
        this.gauge = gauge;
        this.settings = settings;
        this.changed = changed;
        gauge.listener(raised -> check());
    }

    /** The store whose disk limit the settings drive (none without a data directory). */
    void store(Store store) {
        this.store = store;
    }

    /** The store raised or cleared its disk alarm. */
    void diskAlarm(boolean raised) {
        diskAlarm = raised;
        check();
    }

    /**
     * The alarms on now, named as RabbitMQ's connection.blocked reason names them (checked against
     * RabbitMQ 3.10): {@code low on memory}, {@code low on disk}, {@code low on disk & memory}; null
     * when none is on. Publishers are blocked while any is.
     */
    public String reason() {
        boolean memory = gauge.alarm();
        if (memory && diskAlarm) {
            return "low on disk & memory";
        }
        return diskAlarm ? "low on disk" : memory ? "low on memory" : null;
    }

    /** Whether the store's disk alarm is on (never without a data directory). */
    public boolean diskAlarm() {
        return diskAlarm;
    }

    /**
     * Changes the free disk space limit, as rabbitmqctl set_disk_free_limit does: checked at once,
     * {@code then} runs on the loop once the alarm is up to date. Without a data directory there is
     * no disk to fill: the limit is kept (and shown) but never raises the alarm.
     */
    public void diskFreeLimit(long bytes, Runnable then) {
        settings.diskFreeLimitAbsolute(bytes);
        applyDiskFreeLimit(then);
    }

    /** Changes the disk free limit to a fraction of the memory limit (it follows that limit). */
    public void diskFreeLimitMemRelative(double fraction, Runnable then) {
        settings.diskFreeLimitMemRelative(fraction);
        applyDiskFreeLimit(then);
    }

    /**
     * Changes the memory high watermark (publishers are blocked above it) and with it a disk free
     * limit relative to memory.
     */
    public void memoryLimit(long bytes) {
        settings.memoryLimit(bytes);
        gauge.highWatermark(Math.max(bytes, 0));
        applyDiskFreeLimit(() -> { });
    }

    /** Gives the store the disk free limit the settings compute now (it may follow the memory limit). */
    public void applyDiskFreeLimit(Runnable then) {
        if (store == null) {
            then.run();
        } else {
            store.diskFreeLimit(settings.diskFreeLimitBytes(), then);
        }
    }

    private void check() {
        String now = reason();
        if (!Objects.equals(now, told)) {
            told = now;
            changed.accept(now);
        }
    }
}
