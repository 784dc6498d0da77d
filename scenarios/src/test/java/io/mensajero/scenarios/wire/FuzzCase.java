package io.mensajero.scenarios.wire;

import io.mensajero.protocol.AmqpConstants;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.BasicProperties;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Exchange;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.LongString;
import io.mensajero.protocol.ProtocolException;
import io.mensajero.protocol.Queue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One misbehaving connection for {@link RandomFramesNeverHurtTheBroker}, generated from its own
 * seed so that a failure can be replayed alone: what to send, and at which stage of the connection.
 */
record FuzzCase(int index, long seed, Kind kind, byte[] bytes) {
    /** The frame-max the fuzzing connections negotiate: a pending frame never needs more octets. */
    static final int FRAME_MAX = 4096;

    enum Kind {
        /** 8 octets that are not "AMQP" 0 0 9 1, instead of the protocol header. */
        HEADER_GARBAGE,
        /** Random octets instead of connection.start-ok. */
        HANDSHAKE_GARBAGE,
        /** Random octets after a complete handshake. */
        RANDOM_BYTES,
        /** A well-formed frame with one to three octets changed. */
        CORRUPTED_FRAME,
        /** A well-formed frame cut short, then the client shuts its side of the socket. */
        TRUNCATED_FRAME,
        /** A frame header announcing more than frame-max. */
        OVERSIZED_FRAME,
        /** A method frame with random class and method ids, and random arguments. */
        RANDOM_METHOD,
        /** A queue.declare, queue.bind or content header whose field table is random. */
        RANDOM_FIELD_TABLE
    }

    private static final Kind[] OPEN_KINDS = {Kind.RANDOM_BYTES, Kind.CORRUPTED_FRAME, Kind.TRUNCATED_FRAME,
            Kind.OVERSIZED_FRAME, Kind.RANDOM_METHOD, Kind.RANDOM_FIELD_TABLE};

    /** Case number index of the run seeded with runSeed. Every 64th case is a header or handshake one. */
    static FuzzCase generate(long runSeed, int index) {
        long seed = runSeed * 1_000_003L + index;
        Random r = new Random(seed);
        Kind kind = index % 64 == 0 ? Kind.HEADER_GARBAGE
                : index % 64 == 32 ? Kind.HANDSHAKE_GARBAGE
                : OPEN_KINDS[r.nextInt(OPEN_KINDS.length)];
        return new FuzzCase(index, seed, kind, bytes(kind, r));
    }

    boolean beforeHandshake() {
        return kind == Kind.HEADER_GARBAGE;
    }

    boolean duringHandshake() {
        return kind == Kind.HANDSHAKE_GARBAGE;
    }

    /** The client shuts its output after the bytes instead of following them with more. */
    boolean halfCloses() {
        return kind == Kind.TRUNCATED_FRAME;
    }

    /**
     * Whether a broker may answer with a bare TCP close instead of connection.close: RabbitMQ does so
     * for errors during the handshake and, once open, for an unknown class or method id or a field
     * table it cannot parse - which the protocol module flags with {@link ProtocolException#abortsConnection()}.
     * Decoding the stream here finds such a frame unless an earlier frame fails first.
     */
    boolean mayBeDroppedSilently() {
        if (duringHandshake()) {
            return true;
        }
        ByteBuf in = Unpooled.wrappedBuffer(bytes, new byte[FRAME_MAX + 16]);
        try {
            while (Frames.decode(in, FRAME_MAX) != null) {
                // keep going: a well-formed frame is followed by the next one
            }
            return false;
        } catch (ProtocolException e) {
            return e.abortsConnection();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 48));
        return "case #" + index + " " + kind + " (seed " + seed + ", " + bytes.length + " octets: " + hex
                + (bytes.length > 48 ? "..." : "") + ")";
    }

    private static byte[] bytes(Kind kind, Random r) {
        switch (kind) {
            case HEADER_GARBAGE: {
                byte[] header = randomBytes(r, 8);
                if (r.nextBoolean()) {
                    System.arraycopy("AMQP".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 4);
                }
                return Arrays.equals(header, AmqpConstants.PROTOCOL_HEADER) ? "HTTP/1.1".getBytes(StandardCharsets.US_ASCII)
                        : header;
            }
            case HANDSHAKE_GARBAGE:
            case RANDOM_BYTES:
                return randomBytes(r, 1 + r.nextInt(64));
            case CORRUPTED_FRAME: {
                byte[] frame = validFrames(r);
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    frame[r.nextInt(frame.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return frame;
            }
            case TRUNCATED_FRAME: {
                byte[] frame = validFrames(r);
                return Arrays.copyOf(frame, 1 + r.nextInt(frame.length - 1));
            }
            case OVERSIZED_FRAME: {
                long size = FRAME_MAX + 1 + (long) (r.nextDouble() * (0xFFFF_FFFFL - FRAME_MAX - 1));
                int[] types = {1, 2, 3, 8, r.nextInt(256)};
                ByteBuf buf = Unpooled.buffer().writeByte(types[r.nextInt(types.length)]).writeShort(r.nextInt(4))
                        .writeInt((int) size).writeBytes(randomBytes(r, r.nextInt(32)));
                return RawFrames.bytesOf(buf);
            }
            case RANDOM_METHOD:
                return randomMethod(r);
            case RANDOM_FIELD_TABLE:
                return withRandomTable(r);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private static byte[] randomMethod(Random r) {
        int[] classes = {10, 20, 30, 40, 50, 60, 85, 90};
        int classId = r.nextInt(4) == 0 ? r.nextInt(65_536) : classes[r.nextInt(classes.length)];
        int methodId = r.nextInt(4) == 0 ? r.nextInt(65_536) : r.nextInt(13) * 10 + r.nextInt(2);
        return RawFrames.methodFrame(r.nextInt(3), classId, methodId, randomBytes(r, r.nextInt(48)));
    }

    private static byte[] withRandomTable(Random r) {
        byte[] table = randomTable(r);
        ByteBuf args = Unpooled.buffer();
        switch (r.nextInt(3)) {
            case 0: // queue.declare "fuzz" exclusive auto-delete
                args.writeShort(0).writeByte(4).writeBytes("fuzz".getBytes(StandardCharsets.US_ASCII)).writeByte(0b1100)
                        .writeBytes(table);
                return RawFrames.methodFrame(1, 50, 10, RawFrames.bytesOf(args));
            case 1: // queue.bind "fuzz" to amq.headers
                args.writeShort(0).writeByte(4).writeBytes("fuzz".getBytes(StandardCharsets.US_ASCII))
                        .writeByte(11).writeBytes("amq.headers".getBytes(StandardCharsets.US_ASCII)).writeByte(0).writeByte(0)
                        .writeBytes(table);
                return RawFrames.methodFrame(1, 50, 20, RawFrames.bytesOf(args));
            default: { // basic.publish whose content header carries the table as the headers property
                ByteBuf header = Unpooled.buffer().writeShort(60).writeShort(0).writeLong(1).writeShort(1 << 13).writeBytes(table);
                return concat(RawFrames.frameOf(1, new Basic.Publish("", "fuzz", false, false)),
                        RawFrames.frame(2, 1, RawFrames.bytesOf(header)), RawFrames.bodyFrame(1, new byte[] {'x'}));
            }
        }
    }

    /** A length-prefixed table of entries with random names, type octets (valid or not) and value octets. */
    private static byte[] randomTable(Random r) {
        ByteBuf entries = Unpooled.buffer();
        String types = "tbBsuIiLlfdDSATFVx" + "Zz?\0";
        for (int i = r.nextInt(4); i >= 0; i--) {
            byte[] name = randomBytes(r, r.nextInt(8));
            entries.writeByte(name.length).writeBytes(name).writeByte(types.charAt(r.nextInt(types.length())))
                    .writeBytes(randomBytes(r, r.nextInt(12)));
        }
        byte[] body = RawFrames.bytesOf(entries);
        int length = r.nextInt(4) == 0 ? r.nextInt(64) : body.length;
        return RawFrames.bytesOf(Unpooled.buffer().writeInt(length).writeBytes(body));
    }

    /** One to three well-formed frames of the kinds clients send once connected, channel 1 open. */
    private static byte[] validFrames(Random r) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("x-match", LongString.of(r.nextBoolean() ? "all" : "any"));
        table.put("n", r.nextInt());
        table.put("list", List.of(1, "two", 3.0));
        String queue = "fuzz-" + r.nextInt(100);
        switch (r.nextInt(8)) {
            case 0:
                return RawFrames.frameOf(1, new Queue.Declare(queue, false, false, true, true, false, table));
            case 1:
                return RawFrames.frameOf(1, new Exchange.Declare("fuzz-x", "topic", false, false, true, false, false, table));
            case 2:
                return RawFrames.frameOf(1, new Queue.Bind(queue, "amq.headers", "", false, table));
            case 3:
                return RawFrames.frameOf(1, new Basic.Consume(queue, "", false, false, false, false, table));
            case 4:
                return RawFrames.frameOf(1, new Basic.Qos(0, r.nextInt(100), r.nextBoolean()));
            case 5:
                return RawFrames.frameOf(2, new Channel.Open());
            case 6:
                return RawFrames.frame(8, 0, new byte[0]);
            default: {
                byte[] body = randomBytes(r, r.nextInt(100));
                BasicProperties props = BasicProperties.EMPTY.withHeaders(table).withReplyTo("reply").withExpiration("60000");
                ByteBuf content = Unpooled.buffer();
                Frames.writeContent(content, 1, new Basic.Publish("", queue, r.nextBoolean(), false), 60,
                        props.encode(), body, FRAME_MAX);
                return RawFrames.bytesOf(content);
            }
        }
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] bytes = new byte[n];
        r.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf buf = Unpooled.buffer();
        for (byte[] part : parts) {
            buf.writeBytes(part);
        }
        return RawFrames.bytesOf(buf);
    }
}
