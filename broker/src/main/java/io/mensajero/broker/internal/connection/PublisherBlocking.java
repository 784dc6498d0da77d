package io.mensajero.broker.internal.connection;

import io.mensajero.protocol.Connection;
import io.netty.channel.ChannelHandlerContext;

import java.util.function.BooleanSupplier;

/**
 * RabbitMQ's answer to the memory alarm: a connection that has published is blocked (no longer
 * read) while the alarm lasts, and told so with connection.blocked / unblocked when the client
 * announced the connection.blocked capability.
 */
final class PublisherBlocking {
    private final ChannelHandlerContext ctx;
    private final Outbound out;
    private final BooleanSupplier notify;
    private boolean published;
    private boolean blocked;

    PublisherBlocking(ChannelHandlerContext ctx, Outbound out, BooleanSupplier notify) {
        this.ctx = ctx;
        this.out = out;
        this.notify = notify;
    }

    boolean blocked() {
        return blocked;
    }

    /** The connection published; under the alarm that blocks it. */
    void published(boolean alarm) {
        published = true;
        if (alarm && !blocked) {
            block();
        }
    }

    void alarm(boolean raised) {
        if (raised && published && !blocked) {
            block();
        } else if (!raised && blocked) {
            unblock();
        }
    }

    private void block() {
        blocked = true;
        ctx.channel().config().setAutoRead(false);
        if (notify.getAsBoolean()) {
            out.method(0, new Connection.Blocked("low on memory"));
            out.flush();
        }
    }

    private void unblock() {
        blocked = false;
        if (notify.getAsBoolean()) {
            out.method(0, new Connection.Unblocked());
            out.flush();
        }
        ctx.channel().config().setAutoRead(true);
        ctx.read();
    }
}
