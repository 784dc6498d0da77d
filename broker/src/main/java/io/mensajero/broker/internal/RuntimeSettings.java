package io.mensajero.broker.internal;

/**
 * Settings changed while the broker runs, as rabbitmqctl changes RabbitMQ's: the memory high
 * watermark (relative to the JVM's maximum heap, or absolute) and the disk free limit (absolute,
 * or relative to the memory limit). {@link BrokerContext#applyDiskFreeLimit} gives the disk free
 * limit to the message store, whose disk alarm it drives. Written on the broker loop, read anywhere.
 */
public final class RuntimeSettings {
    private volatile long memoryLimitBytes;
    private volatile long diskFreeLimitBytes;
    private volatile Double diskFreeLimitMemRelative;

    RuntimeSettings(long memoryLimitBytes, long diskFreeLimitBytes) {
        this.memoryLimitBytes = memoryLimitBytes;
        this.diskFreeLimitBytes = diskFreeLimitBytes;
    }

    /** The memory limit now, in bytes. */
    public long memoryLimitBytes() {
        return memoryLimitBytes;
    }

    /** The memory limit set (absolute, or computed from a relative watermark). */
    public void memoryLimit(long bytes) {
        this.memoryLimitBytes = bytes;
    }

    /** The disk free limit in bytes: absolute, or the mem_relative fraction of the memory limit. */
    public long diskFreeLimitBytes() {
        Double relative = diskFreeLimitMemRelative;
        return relative != null ? (long) (relative * memoryLimitBytes) : diskFreeLimitBytes;
    }

    public void diskFreeLimitAbsolute(long bytes) {
        this.diskFreeLimitBytes = bytes;
        this.diskFreeLimitMemRelative = null;
    }

    public void diskFreeLimitMemRelative(double fraction) {
        this.diskFreeLimitMemRelative = fraction;
    }
}
