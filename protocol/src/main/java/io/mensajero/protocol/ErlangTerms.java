package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Writes binaries as Erlang prints them, so that error texts read like RabbitMQ's. */
final class ErlangTerms {
    /**
     * Octets beyond this are not printed: at two or more characters each they already fill the 255
     * octets at which the reply text is cut, so the text on the wire is the same as RabbitMQ's.
     */
    private static final int MAX_OCTETS = 128;

    private ErlangTerms() {
    }

    /** As io_lib:format("~w"): every octet in decimal, e.g. <<0,0,5,97,98>>. */
    static String binaryW(ByteBuf buf, int from, int length) {
        StringBuilder sb = new StringBuilder("<<");
        int n = Math.min(length, MAX_OCTETS);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(buf.getUnsignedByte(from + i));
        }
        return sb.append(">>").toString();
    }

    /** As io_lib:format("~tp"): <<"abc">> when printable, <<"é"/utf8>> for UTF-8, else ~w. */
    static String binaryP(ByteBuf buf, int from, int length) {
        if (length == 0) {
            return "<<>>";
        }
        byte[] bytes = new byte[Math.min(length, MAX_OCTETS)];
        buf.getBytes(from, bytes);
        String utf8 = strictUtf8(bytes);
        if (utf8 != null && printable(utf8, 0x10FFFF)) {
            boolean ascii = utf8.length() == bytes.length;
            return "<<\"" + escape(utf8) + (ascii ? "\">>" : "\"/utf8>>");
        }
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        if (printable(latin1, 0xFF)) {
            return "<<\"" + escape(latin1) + "\">>";
        }
        return binaryW(buf, from, length);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean printable(String s, int max) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp >= 0x20 && cp < 0x7F || cp >= 0xA0 && cp <= max && !Character.isISOControl(cp)
                    || cp >= 8 && cp <= 13 || cp == 27;
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 8 -> sb.append("\\b");
                case 11 -> sb.append("\\v");
                case 12 -> sb.append("\\f");
                case 27 -> sb.append("\\e");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
