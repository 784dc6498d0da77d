package io.mensajero.protocol;

/** The constants of AMQP 0-9-1: frame types, frame sizes, the protocol header and the port. */
public final class AmqpConstants {
    public static final int FRAME_METHOD = 1;
    public static final int FRAME_HEADER = 2;
    public static final int FRAME_BODY = 3;
    public static final int FRAME_HEARTBEAT = 8;
    /** The octet that ends every frame (206). */
    public static final int FRAME_END = 0xCE;
    /** The smallest frame-max a peer may negotiate, and the limit before connection.tune-ok. */
    public static final int FRAME_MIN_SIZE = 4096;
    /** Type (1) + channel (2) + payload size (4). */
    public static final int FRAME_HEADER_SIZE = 7;
    /** Header plus the frame-end octet: what a frame adds to its payload. */
    public static final int FRAME_OVERHEAD = 8;
    /** "AMQP" 0 0 9 1, sent by the client before any frame. */
    public static final byte[] PROTOCOL_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    public static final int DEFAULT_PORT = 5672;

    private AmqpConstants() {
    }
}
