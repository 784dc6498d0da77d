package io.mensajero.broker.internal;

/**
 * Settings changed while the broker runs, as rabbitmqctl changes RabbitMQ's: the memory high
 * watermark (relative to the JVM's maximum heap, or absolute) and the disk free limit (absolute,
 * or relative to the memory limit). The message store reads the disk free limit. Written on the
 * broker loop, read anywhere.
 */
public final class RuntimeSettings {
    private volatile Double memoryRelative;
    private volatile long memoryLimitBytes;
    private volatile Long diskFreeLimitBytes = 50_000_000L;
    private volatile Double diskFreeLimitMemRelative;

    RuntimeSettings(long memoryLimitBytes) {
        this.memoryLimitBytes = memoryLimitBytes;
    }

    /** The memory limit now, in bytes. */
    public long memoryLimitBytes() {
        return memoryLimitBytes;
    }

    /** The relative watermark last set, or null when it was set as an absolute value. */
    public Double memoryRelative() {
        return memoryRelative;
    }

    public void memoryRelative(double fraction, long bytes) {
        this.memoryRelative = fraction;
        this.memoryLimitBytes = bytes;
    }

    public void memoryAbsolute(long bytes) {
        this.memoryRelative = null;
        this.memoryLimitBytes = bytes;
    }

    /** The disk free limit in bytes: absolute, or the mem_relative fraction of the memory limit. */
    public long diskFreeLimitBytes() {
        Double relative = diskFreeLimitMemRelative;
        return relative != null ? (long) (relative * memoryLimitBytes) : diskFreeLimitBytes;
    }

    /** The mem_relative fraction last set, or null when the limit is absolute. */
    public Double diskFreeLimitMemRelative() {
        return diskFreeLimitMemRelative;
    }

    public void diskFreeLimitAbsolute(long bytes) {
        this.diskFreeLimitBytes = bytes;
        this.diskFreeLimitMemRelative = null;
    }

    public void diskFreeLimitMemRelative(double fraction) {
        this.diskFreeLimitMemRelative = fraction;
    }
}
