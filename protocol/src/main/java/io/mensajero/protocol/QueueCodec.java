package io.mensajero.protocol;

/** Arguments of the queue class, in the spec's wire order. */
final class QueueCodec {
    private QueueCodec() {
    }

    static Method read(int methodId, MethodReader r) {
        switch (methodId) {
            case 10: {
                r.shortInt(); // reserved ticket
                return new Queue.Declare(r.shortStr(), r.bit(), r.bit(), r.bit(), r.bit(), r.bit(),
                        r.table());
            }
            case 11: return new Queue.DeclareOk(r.shortStr(), r.longInt(), r.longInt());
            case 20: {
                r.shortInt();
                return new Queue.Bind(r.shortStr(), r.shortStr(), r.shortStr(), r.bit(), r.table());
            }
            case 21: return new Queue.BindOk();
            case 30: {
                r.shortInt();
                return new Queue.Purge(r.shortStr(), r.bit());
            }
            case 31: return new Queue.PurgeOk(r.longInt());
            case 40: {
                r.shortInt();
                return new Queue.Delete(r.shortStr(), r.bit(), r.bit(), r.bit());
            }
            case 41: return new Queue.DeleteOk(r.longInt());
            case 50: {
                r.shortInt();
                return new Queue.Unbind(r.shortStr(), r.shortStr(), r.shortStr(), r.table());
            }
            case 51: return new Queue.UnbindOk();
            default: return null;
        }
    }

    static void write(Queue m, MethodWriter w) {
        switch (m.methodId()) {
            case 10 -> {
                var d = (Queue.Declare) m;
                w.shortInt(0);
                w.shortStr(d.queue());
                w.bit(d.passive());
                w.bit(d.durable());
                w.bit(d.exclusive());
                w.bit(d.autoDelete());
                w.bit(d.noWait());
                w.table(d.arguments());
            }
            case 11 -> {
                var d = (Queue.DeclareOk) m;
                w.shortStr(d.queue());
                w.longInt(d.messageCount());
                w.longInt(d.consumerCount());
            }
            case 20 -> {
                var b = (Queue.Bind) m;
                w.shortInt(0);
                w.shortStr(b.queue());
                w.shortStr(b.exchange());
                w.shortStr(b.routingKey());
                w.bit(b.noWait());
                w.table(b.arguments());
            }
            case 30 -> {
                var p = (Queue.Purge) m;
                w.shortInt(0);
                w.shortStr(p.queue());
                w.bit(p.noWait());
            }
            case 31 -> w.longInt(((Queue.PurgeOk) m).messageCount());
            case 40 -> {
                var d = (Queue.Delete) m;
                w.shortInt(0);
                w.shortStr(d.queue());
                w.bit(d.ifUnused());
                w.bit(d.ifEmpty());
                w.bit(d.noWait());
            }
            case 41 -> w.longInt(((Queue.DeleteOk) m).messageCount());
            case 50 -> {
                var u = (Queue.Unbind) m;
                w.shortInt(0);
                w.shortStr(u.queue());
                w.shortStr(u.exchange());
                w.shortStr(u.routingKey());
                w.table(u.arguments());
            }
            default -> {
                // 21, 51: no arguments
            }
        }
    }
}
