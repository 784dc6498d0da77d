package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.Exchange;

/** exchange.declare, delete, bind and unbind. */
final class ExchangeMethods {
    private ExchangeMethods() {
    }

    static void handle(AmqpChannel ch, Exchange m) {
        VirtualHost vhost = ch.vhost();
        if (m instanceof Exchange.Declare d) {
            String name = Names.strip(d.exchange());
            if (d.passive()) {
                vhost.declareExchangePassive(name);
            } else {
                UserOperations.declareExchange(vhost, ch.access, name, d.type(), d.durable(), d.autoDelete(),
                        d.internal(), d.arguments());
            }
            if (!d.noWait()) {
                ch.reply(new Exchange.DeclareOk());
            }
        } else if (m instanceof Exchange.Delete d) {
            UserOperations.deleteExchange(vhost, ch.access, Names.strip(d.exchange()), d.ifUnused());
            if (!d.noWait()) {
                ch.reply(new Exchange.DeleteOk());
            }
        } else if (m instanceof Exchange.Bind b) {
            UserOperations.bind(vhost, ch.access, Names.strip(b.source()), "exchange", Names.strip(b.destination()),
                    b.routingKey(), b.arguments(), ch.connection);
            if (!b.noWait()) {
                ch.reply(new Exchange.BindOk());
            }
        } else if (m instanceof Exchange.Unbind u) {
            UserOperations.unbind(vhost, ch.access, Names.strip(u.source()), "exchange", Names.strip(u.destination()),
                    u.routingKey(), u.arguments(), ch.connection);
            if (!u.noWait()) {
                ch.reply(new Exchange.UnbindOk());
            }
        }
    }
}
