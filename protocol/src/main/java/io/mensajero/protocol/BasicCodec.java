package io.mensajero.protocol;

/** Arguments of the basic, confirm and tx classes, in the spec's wire order. */
final class BasicCodec {
    private BasicCodec() {
    }

    static Method readBasic(int methodId, MethodReader r) {
        switch (methodId) {
            case 10: return new Basic.Qos(r.longInt(), r.shortInt(), r.bit());
            case 11: return new Basic.QosOk();
            case 20: {
                r.shortInt(); // reserved ticket
                return new Basic.Consume(r.shortStr(), r.shortStr(), r.bit(), r.bit(), r.bit(), r.bit(),
                        r.table());
            }
            case 21: return new Basic.ConsumeOk(r.shortStr());
            case 30: return new Basic.Cancel(r.shortStr(), r.bit());
            case 31: return new Basic.CancelOk(r.shortStr());
            case 40: {
                r.shortInt();
                return new Basic.Publish(r.shortStr(), r.shortStr(), r.bit(), r.bit());
            }
            case 50: return new Basic.Return(r.shortInt(), r.shortStr(), r.shortStr(), r.shortStr());
            case 60:
                return new Basic.Deliver(r.shortStr(), r.longLong(), r.bit(), r.shortStr(), r.shortStr());
            case 70: {
                r.shortInt();
                return new Basic.Get(r.shortStr(), r.bit());
            }
            case 71:
                return new Basic.GetOk(r.longLong(), r.bit(), r.shortStr(), r.shortStr(), r.longInt());
            case 72:
                r.shortStr(); // reserved cluster-id
                return new Basic.GetEmpty();
            case 80: return new Basic.Ack(r.longLong(), r.bit());
            case 90: return new Basic.Reject(r.longLong(), r.bit());
            case 100: return new Basic.RecoverAsync(r.bit());
            case 110: return new Basic.Recover(r.bit());
            case 111: return new Basic.RecoverOk();
            case 120: return new Basic.Nack(r.longLong(), r.bit(), r.bit());
            default: return null;
        }
    }

    static void writeBasic(Basic m, MethodWriter w) {
        switch (m.methodId()) {
            case 10 -> {
                var q = (Basic.Qos) m;
                w.longInt(q.prefetchSize());
                w.shortInt(q.prefetchCount());
                w.bit(q.global());
            }
            case 20 -> {
                var c = (Basic.Consume) m;
                w.shortInt(0);
                w.shortStr(c.queue());
                w.shortStr(c.consumerTag());
                w.bit(c.noLocal());
                w.bit(c.noAck());
                w.bit(c.exclusive());
                w.bit(c.noWait());
                w.table(c.arguments());
            }
            case 21 -> w.shortStr(((Basic.ConsumeOk) m).consumerTag());
            case 30 -> {
                var c = (Basic.Cancel) m;
                w.shortStr(c.consumerTag());
                w.bit(c.noWait());
            }
            case 31 -> w.shortStr(((Basic.CancelOk) m).consumerTag());
            case 40 -> {
                var p = (Basic.Publish) m;
                w.shortInt(0);
                w.shortStr(p.exchange());
                w.shortStr(p.routingKey());
                w.bit(p.mandatory());
                w.bit(p.immediate());
            }
            case 50 -> {
                var r = (Basic.Return) m;
                w.shortInt(r.replyCode());
                w.shortStr(r.replyText());
                w.shortStr(r.exchange());
                w.shortStr(r.routingKey());
            }
            case 60 -> {
                var d = (Basic.Deliver) m;
                w.shortStr(d.consumerTag());
                w.longLong(d.deliveryTag());
                w.bit(d.redelivered());
                w.shortStr(d.exchange());
                w.shortStr(d.routingKey());
            }
            case 70 -> {
                var g = (Basic.Get) m;
                w.shortInt(0);
                w.shortStr(g.queue());
                w.bit(g.noAck());
            }
            case 71 -> {
                var g = (Basic.GetOk) m;
                w.longLong(g.deliveryTag());
                w.bit(g.redelivered());
                w.shortStr(g.exchange());
                w.shortStr(g.routingKey());
                w.longInt(g.messageCount());
            }
            case 72 -> w.shortStr("");
            case 80 -> {
                var a = (Basic.Ack) m;
                w.longLong(a.deliveryTag());
                w.bit(a.multiple());
            }
            case 90 -> {
                var r = (Basic.Reject) m;
                w.longLong(r.deliveryTag());
                w.bit(r.requeue());
            }
            case 100 -> w.bit(((Basic.RecoverAsync) m).requeue());
            case 110 -> w.bit(((Basic.Recover) m).requeue());
            case 120 -> {
                var n = (Basic.Nack) m;
                w.longLong(n.deliveryTag());
                w.bit(n.multiple());
                w.bit(n.requeue());
            }
            default -> {
                // 11, 111: no arguments
            }
        }
    }

    static Method readConfirm(int methodId, MethodReader r) {
        switch (methodId) {
            case 10: return new Confirm.Select(r.bit());
            case 11: return new Confirm.SelectOk();
            default: return null;
        }
    }

    static void writeConfirm(Confirm m, MethodWriter w) {
        if (m instanceof Confirm.Select s) {
            w.bit(s.noWait());
        }
    }

    static Method readTx(int methodId) {
        switch (methodId) {
            case 10: return new Tx.Select();
            case 11: return new Tx.SelectOk();
            case 20: return new Tx.Commit();
            case 21: return new Tx.CommitOk();
            case 30: return new Tx.Rollback();
            case 31: return new Tx.RollbackOk();
            default: return null;
        }
    }
}
