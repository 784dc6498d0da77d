package io.mensajero.protocol;

/** Arguments of the connection, channel and access classes, in the spec's wire order. */
final class ConnectionCodec {
    private ConnectionCodec() {
    }

    static Method readConnection(int methodId, MethodReader r) {
        switch (methodId) {
            case 10: return new Connection.Start(r.octet(), r.octet(), r.table(), r.longStr(), r.longStr());
            case 11: return new Connection.StartOk(r.table(), r.shortStr(), r.longStrBytes(), r.shortStr());
            case 20: return new Connection.Secure(r.longStrBytes());
            case 21: return new Connection.SecureOk(r.longStrBytes());
            case 30: return new Connection.Tune(r.shortInt(), r.longInt(), r.shortInt());
            case 31: return new Connection.TuneOk(r.shortInt(), r.longInt(), r.shortInt());
            case 40: {
                Connection.Open open = new Connection.Open(r.shortStr());
                r.shortStr(); // reserved capabilities
                r.bit(); // reserved insist
                return open;
            }
            case 41:
                r.shortStr(); // reserved known-hosts
                return new Connection.OpenOk();
            case 50: return new Connection.Close(r.shortInt(), r.shortStr(), r.shortInt(), r.shortInt());
            case 51: return new Connection.CloseOk();
            case 60: return new Connection.Blocked(r.shortStr());
            case 61: return new Connection.Unblocked();
            case 70: return new Connection.UpdateSecret(r.longStr(), r.shortStr());
            case 71: return new Connection.UpdateSecretOk();
            default: return null;
        }
    }

    static void writeConnection(Connection m, MethodWriter w) {
        switch (m.methodId()) {
            case 10 -> {
                var s = (Connection.Start) m;
                w.octet(s.versionMajor());
                w.octet(s.versionMinor());
                w.table(s.serverProperties());
                w.longStr(s.mechanisms());
                w.longStr(s.locales());
            }
            case 11 -> {
                var s = (Connection.StartOk) m;
                w.table(s.clientProperties());
                w.shortStr(s.mechanism());
                w.longStr(s.response());
                w.shortStr(s.locale());
            }
            case 20 -> w.longStr(((Connection.Secure) m).challenge());
            case 21 -> w.longStr(((Connection.SecureOk) m).response());
            case 30 -> {
                var t = (Connection.Tune) m;
                tune(w, t.channelMax(), t.frameMax(), t.heartbeat());
            }
            case 31 -> {
                var t = (Connection.TuneOk) m;
                tune(w, t.channelMax(), t.frameMax(), t.heartbeat());
            }
            case 40 -> {
                w.shortStr(((Connection.Open) m).virtualHost());
                w.shortStr("");
                w.bit(false);
            }
            case 41 -> w.shortStr("");
            case 50 -> {
                var c = (Connection.Close) m;
                close(w, c.replyCode(), c.replyText(), c.failingClassId(), c.failingMethodId());
            }
            case 60 -> w.shortStr(((Connection.Blocked) m).reason());
            case 70 -> {
                var u = (Connection.UpdateSecret) m;
                w.longStr(u.newSecret());
                w.shortStr(u.reason());
            }
            default -> {
                // 51, 61, 71: no arguments
            }
        }
    }

    static Method readChannel(int methodId, MethodReader r) {
        switch (methodId) {
            case 10:
                r.shortStr(); // reserved out-of-band
                return new Channel.Open();
            case 11:
                r.longStrBytes(); // reserved channel-id
                return new Channel.OpenOk();
            case 20: return new Channel.Flow(r.bit());
            case 21: return new Channel.FlowOk(r.bit());
            case 40: return new Channel.Close(r.shortInt(), r.shortStr(), r.shortInt(), r.shortInt());
            case 41: return new Channel.CloseOk();
            default: return null;
        }
    }

    static void writeChannel(Channel m, MethodWriter w) {
        switch (m.methodId()) {
            case 10 -> w.shortStr("");
            case 11 -> w.longStr((String) null);
            case 20 -> w.bit(((Channel.Flow) m).active());
            case 21 -> w.bit(((Channel.FlowOk) m).active());
            case 40 -> {
                var c = (Channel.Close) m;
                close(w, c.replyCode(), c.replyText(), c.failingClassId(), c.failingMethodId());
            }
            default -> {
                // 41: no arguments
            }
        }
    }

    static Method readAccess(int methodId, MethodReader r) {
        switch (methodId) {
            case 10: return new Access.Request(r.shortStr(), r.bit(), r.bit(), r.bit(), r.bit(), r.bit());
            case 11: return new Access.RequestOk(r.shortInt());
            default: return null;
        }
    }

    static void writeAccess(Access m, MethodWriter w) {
        if (m instanceof Access.Request q) {
            w.shortStr(q.realm());
            w.bit(q.exclusive());
            w.bit(q.passive());
            w.bit(q.active());
            w.bit(q.write());
            w.bit(q.read());
        } else {
            w.shortInt(((Access.RequestOk) m).ticket());
        }
    }

    private static void tune(MethodWriter w, int channelMax, long frameMax, int heartbeat) {
        w.shortInt(channelMax);
        w.longInt(frameMax);
        w.shortInt(heartbeat);
    }

    private static void close(MethodWriter w, int code, String text, int classId, int methodId) {
        w.shortInt(code);
        w.shortStr(text);
        w.shortInt(classId);
        w.shortInt(methodId);
    }
}
