package io.mensajero.protocol;

import java.util.Map;

/** Arguments of the exchange class, in the spec's wire order. */
final class ExchangeCodec {
    private ExchangeCodec() {
    }

    static Method read(int methodId, MethodReader r) {
        switch (methodId) {
            case 10: {
                r.shortInt(); // reserved ticket
                return new Exchange.Declare(r.shortStr(), r.shortStr(), r.bit(), r.bit(), r.bit(), r.bit(),
                        r.bit(), r.table());
            }
            case 11: return new Exchange.DeclareOk();
            case 20: {
                r.shortInt();
                return new Exchange.Delete(r.shortStr(), r.bit(), r.bit());
            }
            case 21: return new Exchange.DeleteOk();
            case 30: {
                r.shortInt();
                return new Exchange.Bind(r.shortStr(), r.shortStr(), r.shortStr(), r.bit(), r.table());
            }
            case 31: return new Exchange.BindOk();
            case 40: {
                r.shortInt();
                return new Exchange.Unbind(r.shortStr(), r.shortStr(), r.shortStr(), r.bit(), r.table());
            }
            case 51: return new Exchange.UnbindOk();
            default: return null;
        }
    }

    static void write(Exchange m, MethodWriter w) {
        switch (m.methodId()) {
            case 10 -> {
                var d = (Exchange.Declare) m;
                w.shortInt(0);
                w.shortStr(d.exchange());
                w.shortStr(d.type());
                w.bit(d.passive());
                w.bit(d.durable());
                w.bit(d.autoDelete());
                w.bit(d.internal());
                w.bit(d.noWait());
                w.table(d.arguments());
            }
            case 20 -> {
                var d = (Exchange.Delete) m;
                w.shortInt(0);
                w.shortStr(d.exchange());
                w.bit(d.ifUnused());
                w.bit(d.noWait());
            }
            case 30 -> {
                var b = (Exchange.Bind) m;
                binding(w, b.destination(), b.source(), b.routingKey(), b.noWait(), b.arguments());
            }
            case 40 -> {
                var u = (Exchange.Unbind) m;
                binding(w, u.destination(), u.source(), u.routingKey(), u.noWait(), u.arguments());
            }
            default -> {
                // 11, 21, 31, 51: no arguments
            }
        }
    }

    private static void binding(MethodWriter w, String destination, String source,
            String routingKey, boolean noWait, Map<String, Object> arguments) {
        w.shortInt(0);
        w.shortStr(destination);
        w.shortStr(source);
        w.shortStr(routingKey);
        w.bit(noWait);
        w.table(arguments);
    }
}
