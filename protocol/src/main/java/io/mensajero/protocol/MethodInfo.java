package io.mensajero.protocol;

/**
 * The spec's facts about each method (RabbitMQ's amqp-rabbitmq-0.9.1 spec): ids, name, and the
 * synchronous and content flags.
 */
record MethodInfo(int classId, int methodId, String name, boolean synchronous, boolean content) {
    private static final MethodInfo[][] TABLE = new MethodInfo[91][];

    private static final boolean SYNC = true;
    private static final boolean ASYNC = false;

    /** One row of the table below: a method of the class being listed. */
    private record M(int methodId, String name, boolean synchronous, boolean content) {
    }

    static {
        clazz(10, "connection",
                m(10, "start", SYNC), m(11, "start-ok", ASYNC), m(20, "secure", SYNC),
                m(21, "secure-ok", ASYNC), m(30, "tune", SYNC), m(31, "tune-ok", ASYNC),
                m(40, "open", SYNC), m(41, "open-ok", ASYNC), m(50, "close", SYNC),
                m(51, "close-ok", ASYNC), m(60, "blocked", ASYNC), m(61, "unblocked", ASYNC),
                m(70, "update-secret", SYNC), m(71, "update-secret-ok", ASYNC));
        clazz(20, "channel",
                m(10, "open", SYNC), m(11, "open-ok", ASYNC), m(20, "flow", SYNC), m(21, "flow-ok", ASYNC),
                m(40, "close", SYNC), m(41, "close-ok", ASYNC));
        clazz(30, "access", m(10, "request", SYNC), m(11, "request-ok", ASYNC));
        clazz(40, "exchange",
                m(10, "declare", SYNC), m(11, "declare-ok", ASYNC), m(20, "delete", SYNC),
                m(21, "delete-ok", ASYNC), m(30, "bind", SYNC), m(31, "bind-ok", ASYNC),
                m(40, "unbind", SYNC), m(51, "unbind-ok", ASYNC));
        clazz(50, "queue",
                m(10, "declare", SYNC), m(11, "declare-ok", ASYNC), m(20, "bind", SYNC),
                m(21, "bind-ok", ASYNC), m(30, "purge", SYNC), m(31, "purge-ok", ASYNC),
                m(40, "delete", SYNC), m(41, "delete-ok", ASYNC), m(50, "unbind", SYNC),
                m(51, "unbind-ok", ASYNC));
        clazz(60, "basic",
                m(10, "qos", SYNC), m(11, "qos-ok", ASYNC), m(20, "consume", SYNC),
                m(21, "consume-ok", ASYNC), m(30, "cancel", SYNC), m(31, "cancel-ok", ASYNC),
                content(40, "publish"), content(50, "return"), content(60, "deliver"),
                m(70, "get", SYNC), content(71, "get-ok"),
                m(72, "get-empty", ASYNC), m(80, "ack", ASYNC), m(90, "reject", ASYNC),
                m(100, "recover-async", ASYNC), m(110, "recover", SYNC), m(111, "recover-ok", ASYNC),
                m(120, "nack", ASYNC));
        clazz(85, "confirm", m(10, "select", SYNC), m(11, "select-ok", ASYNC));
        clazz(90, "tx",
                m(10, "select", SYNC), m(11, "select-ok", ASYNC), m(20, "commit", SYNC),
                m(21, "commit-ok", ASYNC), m(30, "rollback", SYNC), m(31, "rollback-ok", ASYNC));
    }

    /** The method with these ids, or null if the spec has none. */
    static MethodInfo find(int classId, int methodId) {
        if (classId < 0 || classId >= TABLE.length || TABLE[classId] == null) {
            return null;
        }
        MethodInfo[] methods = TABLE[classId];
        return methodId >= 0 && methodId < methods.length ? methods[methodId] : null;
    }

    static MethodInfo of(int classId, int methodId) {
        MethodInfo info = find(classId, methodId);
        if (info == null) {
            throw new IllegalStateException("no AMQP method {" + classId + "," + methodId + "}");
        }
        return info;
    }

    private static M m(int methodId, String name, boolean synchronous) {
        return new M(methodId, name, synchronous, false);
    }

    /** A method followed by content (header and body frames). */
    private static M content(int methodId, String name) {
        return new M(methodId, name, false, true);
    }

    private static void clazz(int classId, String className, M... methods) {
        MethodInfo[] row = new MethodInfo[121];
        for (M m : methods) {
            row[m.methodId()] = new MethodInfo(classId, m.methodId(), className + "." + m.name(),
                    m.synchronous(), m.content());
        }
        TABLE[classId] = row;
    }
}
