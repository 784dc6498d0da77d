package io.mensajero.protocol;

import static io.mensajero.protocol.Values.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.AMQImpl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FramesTest {

    static ByteBuf frame(int type, int channel, byte[] payload) {
        return Unpooled.buffer().writeByte(type).writeShort(channel).writeInt(payload.length)
                .writeBytes(payload).writeByte(0xCE);
    }

    static List<Frame> decodeAll(ByteBuf in, long max) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f; (f = Frames.decode(in, max)) != null; ) {
            frames.add(f);
        }
        return frames;
    }

    @Test
    void contentIsSplitSoThatNoFrameExceedsFrameMax() {
        byte[] body = new byte[10_000];
        new Random(7).nextBytes(body);
        byte[] props = BasicPropertiesTest.all().encode();
        Basic.Deliver deliver = new Basic.Deliver("ctag", 9, false, "ex", "rk");
        ByteBuf out = Unpooled.buffer();

        Frames.writeContent(out, 3, deliver, 60, props, body, 4096);

        List<Integer> frameSizes = new ArrayList<>();
        for (int i = out.readerIndex(); i < out.writerIndex(); ) {
            int size = out.getInt(i + 3) + 8;
            frameSizes.add(size);
            i += size;
        }
        List<Frame> frames = decodeAll(out, 4096);
        assertThat(frames).hasSize(5);
        assertThat(frames.get(0)).isEqualTo(new MethodFrame(3, deliver));
        assertThat(frames.get(1)).isEqualTo(new HeaderFrame(3, 60, 10_000, props));
        assertThat(frameSizes.subList(2, 5)).containsExactly(4096, 4096, 10_000 - 2 * 4088 + 8);
        ByteBuf joined = Unpooled.buffer();
        frames.subList(2, 5).forEach(f -> joined.writeBytes(((BodyFrame) f).payload()));
        assertThat(Values.bytes(joined)).isEqualTo(body);
        assertThat(frames).allMatch(f -> f.channel() == 3);
    }

    @Test
    void bodyThatFillsFramesExactlyAndEmptyBodiesAndUnlimitedFrameMax() {
        ByteBuf out = Unpooled.buffer();
        Frames.writeContent(out, 1, new Basic.Publish("", "q", false, false), 60, bytes(0, 0),
                new byte[8176], 4096);
        assertThat(decodeAll(out, 4096)).hasSize(4);

        Frames.writeContent(out, 1, new Basic.Publish("", "q", false, false), 60, bytes(0, 0),
                new byte[0], 4096);
        List<Frame> empty = decodeAll(out, 4096);
        assertThat(empty).hasSize(2);
        assertThat(((HeaderFrame) empty.get(1)).bodySize()).isZero();

        Frames.writeContent(out, 1, new Basic.Publish("", "q", false, false), 60, bytes(0, 0),
                new byte[100_000], 0);
        assertThat(decodeAll(out, 0)).hasSize(3);

        byte[] body = "0123456789".getBytes();
        Frames.writeContent(out, 2, new Basic.GetOk(1, false, "", "q", 0), 60, bytes(0, 0), body,
                2, 5, 12);
        List<Frame> part = decodeAll(out, 0);
        assertThat(part.subList(2, part.size())).containsExactly(
                new BodyFrame(2, "2345".getBytes()), new BodyFrame(2, "6".getBytes()));
    }

    @Test
    void incompleteInputReturnsNullWithoutConsumingAnything() {
        ByteBuf whole = Unpooled.buffer();
        Frames.writeMethod(whole, 1, new Basic.Publish("amq.direct", "key", true, false));
        Frames.writeHeartbeat(whole);
        byte[] bytes = Values.bytes(whole);
        int firstFrame = bytes.length - 8;
        for (int n = 0; n < firstFrame; n++) {
            ByteBuf partial = Unpooled.wrappedBuffer(bytes, 0, n);
            assertThat(Frames.decode(partial, 4096)).as("prefix %d", n).isNull();
            assertThat(partial.readerIndex()).isZero();
        }
        ByteBuf all = Unpooled.wrappedBuffer(bytes);
        assertThat(Frames.decode(all, 4096)).isInstanceOf(MethodFrame.class);
        assertThat(all.readerIndex()).isEqualTo(firstFrame);
        assertThat(Frames.decode(all, 4096)).isEqualTo(new HeartbeatFrame(0));
        assertThat(all.isReadable()).isFalse();
    }

    @Test
    void everyFrameTypeRoundTrips() {
        List<Frame> frames = List.of(new MethodFrame(65535, new Queue.Declare("q", false, true, false,
                        false, false, Map.of("x-queue-type", LongString.of("quorum")))),
                new HeaderFrame(7, 60, 123, BasicPropertiesTest.all().encode()),
                new BodyFrame(7, new byte[] {1, 2, 3}), new BodyFrame(7, new byte[0]),
                new HeartbeatFrame(0), new HeartbeatFrame(5));
        ByteBuf out = Unpooled.buffer();
        frames.forEach(f -> Frames.write(out, f));
        assertThat(Values.normalize(decodeAll(out, 0))).isEqualTo(Values.normalize(frames));
    }

    @Test
    void amqpClientReadsOurContentFrames() throws IOException {
        byte[] body = new byte[9000];
        new Random(3).nextBytes(body);
        BasicProperties props = new BasicProperties("text/plain", null, null, 2, null, "c", null,
                null, null, null, null, null, null, null);
        ByteBuf out = Unpooled.buffer();
        Frames.writeContent(out, 5, new Basic.Deliver("ct", 1, true, "e", "k"), 60, props.encode(),
                body, 4096);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Values.bytes(out)));

        com.rabbitmq.client.impl.Frame method = com.rabbitmq.client.impl.Frame.readFrom(in, () -> 4096);
        assertThat(method.getChannel()).isEqualTo(5);
        assertThat(AMQImpl.readMethodFrom(method.getInputStream()))
                .isEqualTo(new AMQImpl.Basic.Deliver("ct", 1, true, "e", "k"));
        com.rabbitmq.client.impl.Frame header = com.rabbitmq.client.impl.Frame.readFrom(in, () -> 4096);
        AMQP.BasicProperties read = (AMQP.BasicProperties) AMQImpl.readContentHeaderFrom(
                header.getInputStream());
        assertThat(read.getBodySize()).isEqualTo(9000);
        assertThat(read.getDeliveryMode()).isEqualTo(2);
        assertThat(read.getCorrelationId()).isEqualTo("c");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        while (in.available() > 0) {
            com.rabbitmq.client.impl.Frame f = com.rabbitmq.client.impl.Frame.readFrom(in, () -> 4096);
            assertThat(f.getType()).isEqualTo(3);
            assertThat(f.size()).isLessThanOrEqualTo(4096);
            joined.write(f.getPayload());
        }
        assertThat(joined.toByteArray()).isEqualTo(body);
    }

    @Test
    void weReadAmqpClientFrames() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        new AMQImpl.Basic.Publish(0, "amq.topic", "a.b", true, false).toFrame(9).writeTo(out);
        new AMQP.BasicProperties.Builder().contentType("application/json").priority(3).build()
                .toFrame(9, 4).writeTo(out);
        com.rabbitmq.client.impl.Frame.fromBodyFragment(9, java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 0, 4)
                .writeTo(out);
        new com.rabbitmq.client.impl.Frame(8, 0, java.nio.ByteBuffer.allocate(0)).writeTo(out);

        List<Frame> frames = decodeAll(Unpooled.wrappedBuffer(bytes.toByteArray()), 4096);

        assertThat(frames).hasSize(4);
        assertThat(frames.get(0)).isEqualTo(new MethodFrame(9, new Basic.Publish("amq.topic", "a.b",
                true, false)));
        HeaderFrame header = (HeaderFrame) frames.get(1);
        assertThat(header.bodySize()).isEqualTo(4);
        assertThat(header.properties()).isEqualTo(new BasicProperties("application/json", null, null,
                null, 3, null, null, null, null, null, null, null, null, null));
        assertThat(frames.get(2)).isEqualTo(new BodyFrame(9, new byte[] {1, 2, 3, 4}));
        assertThat(frames.get(3)).isEqualTo(new HeartbeatFrame(0));
    }

    @Test
    void writingAMethodThatCannotBeEncodedLeavesTheBufferAsItWas() {
        ByteBuf out = Unpooled.buffer().writeByte(1);
        assertThatThrownBy(() -> Frames.writeMethod(out, 1, new Basic.ConsumeOk("x".repeat(300))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frames.writeContent(out, 1, new Basic.Publish("x".repeat(300), "",
                false, false), 60, bytes(0, 0), new byte[10], 4096))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frames.writeMethod(out, 70000, new Tx.Select()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Values.bytes(out)).containsExactly(1);
    }
}
