package io.mensajero.protocol;

/**
 * An AMQP 0-9-1 method: one record per method, grouped by class in {@link Connection},
 * {@link Channel}, {@link Access}, {@link Exchange}, {@link Queue}, {@link Basic}, {@link Confirm}
 * and {@link Tx}. Encode and decode them with {@link MethodCodec}.
 */
public sealed interface Method permits Connection, Channel, Access, Exchange, Queue, Basic, Confirm,
        Tx {
    int classId();

    int methodId();

    /** The spec's name, e.g. "basic.publish" or "queue.declare-ok". */
    default String name() {
        return MethodInfo.of(classId(), methodId()).name();
    }

    /** True for the methods followed by a content header and body: basic.publish, return, deliver, get-ok. */
    default boolean hasContent() {
        return MethodInfo.of(classId(), methodId()).content();
    }

    /** The spec's "synchronous" flag: the method expects a reply (whatever its no-wait says). */
    default boolean isSynchronous() {
        return MethodInfo.of(classId(), methodId()).synchronous();
    }
}
