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

        assertThatThrownBy(() -> channel.writeInbound(bad))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR));

        channel.writeInbound(frames(new Basic.Ack(8, false)));
        assertThat(read(channel)).isEmpty();
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
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
        assertThatThrownBy(() -> channel.writeInbound(body)).isInstanceOf(DecoderException.class)
                .hasMessageContaining("frame_too_large");
        assertThatThrownBy(() -> decoder.maxFrameSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
