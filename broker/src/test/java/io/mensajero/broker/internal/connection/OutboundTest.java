package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.ConnectionView;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a connection writes and when it reaches the socket. An embedded channel stands for a
 * socket that takes everything it is given, as a consumer that keeps up does.
 */
class OutboundTest {
    private static final byte[] NO_PROPERTIES = new byte[2];
    private static final byte[] BODY = new byte[100];

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final BrokerContext broker;
    private final Outbound out;

    OutboundTest() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(512 * 1024, 1024 * 1024));
        channel.pipeline().addLast("probe", new ChannelInboundHandlerAdapter());
        ChannelHandlerContext ctx = channel.pipeline().context("probe");
        broker = new BrokerContext(BrokerConfig.builder().port(0).build(), channel.eventLoop());
        ConnectionHandle owner = new ConnectionHandle() {
            @Override
            public void flush() {
                out().flush();
            }

            @Override
            public void resourceAlarm(String reason) {
            }

            @Override
            public void forceClose(String reason) {
            }

            @Override
            public String state() {
                return "running";
            }

            @Override
            public ConnectionView view() {
                throw new UnsupportedOperationException("not seen by the management API here");
            }
        };
        out = new Outbound(ctx, broker, owner, 131072);
    }

    private Outbound out() {
        return out;
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void deliver(long tag) {
        out.content(1, new Basic.Deliver("amq.ctag-fanout", tag, false, "fanout", ""), NO_PROPERTIES, BODY);
    }

    /** The size of one delivery as {@link #deliver} writes it. */
    private static int deliverySize(long tag) {
        return deliverySize(tag, BODY);
    }

    private static int deliverySize(long tag, byte[] body) {
        ByteBuf one = Unpooled.buffer();
        Frames.writeContent(one, 1, new Basic.Deliver("amq.ctag-fanout", tag, false, "fanout", ""),
                60, NO_PROPERTIES, body, 131072);
        int size = one.readableBytes();
        one.release();
        return size;
    }

    private long bytesSent() {
        long bytes = 0;
        for (Object o : channel.outboundMessages()) {
            bytes += ((ByteBuf) o).readableBytes();
        }
        return bytes;
    }

    @Test
    void aFewDeliveriesWaitForTheEndOfTheBatchAndLeaveInOneFlush() {
        for (int i = 1; i <= 10; i++) {
            deliver(i);
        }
        assertThat(channel.outboundMessages()).as("nothing sent before the batch ends").isEmpty();
        broker.flushDirty();
        assertThat(bytesSent()).isEqualTo(10L * deliverySize(1));
        assertThat(channel.outboundMessages()).as("encoded into one buffer").hasSize(1);
    }

    /**
     * A publisher's read batch fanned out to a consumer writes megabytes to it: they reach the
     * socket as they are written, so a consumer that keeps up never counts as waiting on its
     * socket (which would make flow control hold the publisher).
     */
    @Test
    void aBatchLargerThanTheHighWaterMarkIsFlushedAsItIsWrittenAndTheConnectionStaysWritable() {
        int deliveries = 20_000;
        for (int i = 1; i <= deliveries; i++) {
            deliver(i);
            assertThat(out.isWritable()).as("writable after delivery %d", i).isTrue();
        }
        long sentBeforeTheBatchEnds = bytesSent();
        assertThat(sentBeforeTheBatchEnds).as("more than the high-water mark went out during the batch")
                .isGreaterThan(1024 * 1024);
        broker.flushDirty();
        long expected = 0;
        for (int i = 1; i <= deliveries; i++) {
            expected += deliverySize(i);
        }
        assertThat(bytesSent()).isEqualTo(expected);
        assertThat(bytesSent() - sentBeforeTheBatchEnds).as("left for the end of the batch")
                .isLessThan(Outbound.FLUSH_BYTES + Outbound.BATCH_BYTES);
    }

    @Test
    void aBodyLargerThanABatchGoesOutWhole() {
        byte[] large = new byte[200_000];
        deliver(1);
        out.content(1, new Basic.Deliver("amq.ctag-fanout", 2, false, "fanout", ""), NO_PROPERTIES, large);
        deliver(3);
        broker.flushDirty();
        assertThat(bytesSent()).isEqualTo(deliverySize(1) + deliverySize(2, large) + deliverySize(3));
    }
}
