package io.mensajero.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    static ByteBuf frames(Method... methods) {
        ByteBuf out = Unpooled.buffer();
        for (Method m : methods) {
            Frames.writeMethod(out, 1, m);
        }
        return out;
    }

    static List<Frame> read(EmbeddedChannel channel) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f; (f = channel.readInbound()) != null; ) {
            frames.add(f);
        }
        return frames;
    }

    @Test
    void framesArrivingInPiecesComeOutWhole() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(4096));
        ByteBuf all = frames(new Basic.Ack(1, false), new Basic.Nack(2, true, true));
        Frames.writeHeartbeat(all);
        while (all.isReadable()) {
            channel.writeInbound(all.readRetainedSlice(Math.min(3, all.readableBytes())));
        }
        all.release();

        assertThat(read(channel)).containsExactly(new MethodFrame(1, new Basic.Ack(1, false)),
                new MethodFrame(1, new Basic.Nack(2, true, true)), new HeartbeatFrame(0));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void manyFramesInOneReadAllComeOut() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(0));
        channel.writeInbound(frames(new Tx.Select(), new Tx.Commit(), new Tx.Rollback()));
        assertThat(read(channel)).extracting(f -> ((MethodFrame) f).method())
                .containsExactly(new Tx.Select(), new Tx.Commit(), new Tx.Rollback());
    }

    @Test
    void afterAnErrorAllFurtherInputIsDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(4096));
        ByteBuf bad = frames(new Confirm.Select(false));
        bad.setByte(bad.writerIndex() - 1, 0); // bad frame-end octet
        bad.writeBytes(frames(new Basic.Ack(7, false)));

        channel.writeInbound(bad);
        List<Object> out = readAll(channel);
        assertThat(out).hasSize(1).first().isInstanceOfSatisfying(DecodeError.class, e -> {
            assertThat(e.error().replyCode()).isEqualTo(ReplyCode.FRAME_ERROR);
            assertThat(e.error().fatal()).isTrue();
        });

        channel.writeInbound(frames(new Basic.Ack(8, false)));
        assertThat(readAll(channel)).isEmpty();
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void afterAFrameReadWholeDecodingGoesOn() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(4096));
        ByteBuf in = Unpooled.buffer();
        in.writeByte(5).writeShort(1).writeInt(3).writeBytes(new byte[] {'a', 'b', 'c'}).writeByte(0xCE);
        in.writeBytes(frames(new Basic.Ack(9, false)));
        channel.writeInbound(in);
        List<Object> out = readAll(channel);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOfSatisfying(DecodeError.class, e -> {
            assertThat(e.error().fatal()).isFalse();
            assertThat(e.error().text()).endsWith("unknown_frame");
        });
        assertThat(((MethodFrame) out.get(1)).method()).isEqualTo(new Basic.Ack(9, false));
        channel.finishAndReleaseAll();
    }

    private static List<Object> readAll(EmbeddedChannel channel) {
        List<Object> out = new java.util.ArrayList<>();
        Object o;
        while ((o = channel.readInbound()) != null) {
            out.add(o);
        }
        return out;
    }

    @Test
    void frameMaxCanBeRenegotiated() {
        FrameDecoder decoder = new FrameDecoder(AmqpConstants.FRAME_MIN_SIZE);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        ByteBuf body = Unpooled.buffer();
        Frames.writeBody(body, 1, new byte[10_000], 0, 10_000);

        decoder.maxFrameSize(131072);
        channel.writeInbound(body.retainedDuplicate());
        assertThat(decoder.maxFrameSize()).isEqualTo(131072);
        assertThat(read(channel)).hasSize(1);

        decoder.maxFrameSize(4096);
        channel.writeInbound(body);
        assertThat(readAll(channel)).singleElement().isInstanceOfSatisfying(DecodeError.class,
                e -> assertThat(e.error().text()).contains("frame_too_large"));
        assertThatThrownBy(() -> decoder.maxFrameSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
