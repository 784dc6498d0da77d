package io.mensajero.broker.internal.model;

import java.util.ArrayDeque;

/**
 * One consumer's place in a stream: the offset it reads next, and the messages read for it from
 * disk that it has not yet had (its prefetch holds them back). Each consumer reads on its own.
 */
final class StreamCursor {
    final Consumer consumer;
    long next;
    /** Waiting for the store to find where a timestamp starts. */
    boolean locating;
    /** Its consumer left. */
    boolean removed;
    /** A read from disk is in flight. */
    boolean reading;
    /** Where the record at {@link #hintOffset} starts on disk, as the last read said (-1: unknown). */
    long hintLocation = -1;
    long hintOffset = -1;
    final ArrayDeque<StreamWindow.Entry> pending = new ArrayDeque<>();

    StreamCursor(Consumer consumer) {
        this.consumer = consumer;
    }
}
