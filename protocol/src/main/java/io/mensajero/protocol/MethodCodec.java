package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes method frame payloads: class id, method id, then the arguments.
 *
 * <p>Decoding errors follow RabbitMQ 3.10 (probed on a live 3.10.8 and read in
 * rabbit_framing_amqp_0_9_1.erl, rabbit_command_assembler.erl, rabbit_reader.erl):
 * <ul>
 *   <li>Arguments cut short, or followed by extra octets: the generated decode_method_fields only
 *   matches the exact shape, else rabbit_misc:frame_error/2: FRAME_ERROR (501) "cannot decode
 *   &lt;&lt;args&gt;&gt;" with the method's class and method ids.
 *   <li>Malformed UTF-8 in a shortstr of a method without content (rabbit_binary_parser:assert_utf8):
 *   FRAME_ERROR "Malformed UTF-8 in shortstr", ids 0/0. Methods with content are not checked.
 *   <li>Unknown class or method id: lookup_method_name exits, the reader crashes and RabbitMQ drops
 *   the connection without connection.close; here COMMAND_INVALID with abortsConnection().
 *   <li>A field table that cannot be parsed: parse_table has no matching clause, same crash; here
 *   SYNTAX_ERROR with abortsConnection().
 *   <li>Fewer than 4 octets: analyze_frame fails, FRAME_ERROR "type 1, all octets = ...:
 *   unknown_frame".
 * </ul>
 */
public final class MethodCodec {
    private MethodCodec() {
    }

    /** Decodes a method frame payload, consuming it; throws {@link ProtocolException}. */
    public static Method decode(ByteBuf payload) {
        int start = payload.readerIndex();
        if (payload.readableBytes() < 4) {
            int length = payload.readableBytes();
            payload.skipBytes(length);
            throw new ProtocolException(ReplyCode.FRAME_ERROR,
                    Frames.frameErrorText(AmqpConstants.FRAME_METHOD, payload, start, length, "unknown_frame"));
        }
        int classId = payload.readUnsignedShort();
        int methodId = payload.readUnsignedShort();
        MethodInfo info = MethodInfo.find(classId, methodId);
        if (info == null) {
            payload.skipBytes(payload.readableBytes());
            throw new ProtocolException(ReplyCode.COMMAND_INVALID,
                    "unknown method id {" + classId + "," + methodId + "}", classId, methodId, true, null);
        }
        int argsStart = payload.readerIndex();
        int argsLength = payload.readableBytes();
        MethodReader reader = new MethodReader(payload, !info.content());
        Method method;
        try {
            method = read(classId, methodId, reader);
        } catch (IndexOutOfBoundsException e) {
            method = null;
        }
        if (method == null || payload.isReadable()) {
            payload.readerIndex(argsStart + argsLength);
            throw new ProtocolException(ReplyCode.FRAME_ERROR,
                    "cannot decode " + ErlangTerms.binaryW(payload, argsStart, argsLength), classId, methodId);
        }
        reader.finish(classId, methodId);
        return method;
    }

    /**
     * Writes class id, method id and arguments. A shortstr over 255 octets, a number out of its
     * domain's range or a table value of no AMQP type throws IllegalArgumentException, and nothing
     * is left written.
     */
    public static void encode(Method method, ByteBuf out) {
        int start = out.writerIndex();
        try {
            out.writeShort(method.classId());
            out.writeShort(method.methodId());
            MethodWriter w = new MethodWriter(out);
            switch (method.classId()) {
                case 10 -> ConnectionCodec.writeConnection((Connection) method, w);
                case 20 -> ConnectionCodec.writeChannel((Channel) method, w);
                case 30 -> ConnectionCodec.writeAccess((Access) method, w);
                case 40 -> ExchangeCodec.write((Exchange) method, w);
                case 50 -> QueueCodec.write((Queue) method, w);
                case 60 -> BasicCodec.writeBasic((Basic) method, w);
                case 85 -> BasicCodec.writeConfirm((Confirm) method, w);
                default -> {
                    // tx: no arguments
                }
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private static Method read(int classId, int methodId, MethodReader r) {
        switch (classId) {
            case 10: return ConnectionCodec.readConnection(methodId, r);
            case 20: return ConnectionCodec.readChannel(methodId, r);
            case 30: return ConnectionCodec.readAccess(methodId, r);
            case 40: return ExchangeCodec.read(methodId, r);
            case 50: return QueueCodec.read(methodId, r);
            case 60: return BasicCodec.readBasic(methodId, r);
            case 85: return BasicCodec.readConfirm(methodId, r);
            case 90: return BasicCodec.readTx(methodId);
            default: return null;
        }
    }
}
