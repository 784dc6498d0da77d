package io.mensajero.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A frame or method that breaks the protocol. The broker turns it into connection.close with
 * {@link #replyCode()}, {@link #replyText()}, {@link #classId()} and {@link #methodId()} - unless
 * {@link #abortsConnection()} is true: then RabbitMQ 3.10 sends no connection.close at all (its
 * reader process crashes) and simply drops the TCP connection, and a faithful broker does the same.
 */
public class ProtocolException extends RuntimeException {
    /** Longest reply text RabbitMQ sends; longer ones are cut to 252 octets plus "...". */
    static final int MAX_REPLY_TEXT = 255;

    private final ReplyCode replyCode;
    private final String text;
    private final int classId;
    private final int methodId;
    private final boolean abortsConnection;
    private final boolean fatal;

    public ProtocolException(ReplyCode replyCode, String text) {
        this(replyCode, text, 0, 0);
    }

    public ProtocolException(ReplyCode replyCode, String text, int classId, int methodId) {
        this(replyCode, text, classId, methodId, false, null);
    }

    ProtocolException(ReplyCode replyCode, String text, int classId, int methodId,
            boolean abortsConnection, String detail) {
        this(replyCode, text, classId, methodId, abortsConnection, detail, false);
    }

    private ProtocolException(ReplyCode replyCode, String text, int classId, int methodId,
            boolean abortsConnection, String detail, boolean fatal) {
        super(message(replyCode, text, detail));
        this.fatal = fatal;
        this.replyCode = replyCode;
        this.text = text == null ? "" : text;
        this.classId = classId;
        this.methodId = methodId;
        this.abortsConnection = abortsConnection;
    }

    public ReplyCode replyCode() {
        return replyCode;
    }

    /** The explanation, without the reply-code name (may be empty, as for INTERNAL_ERROR). */
    public String text() {
        return text;
    }

    /** The class id of the method at fault, 0 if none. */
    public int classId() {
        return classId;
    }

    /** The method id of the method at fault, 0 if none. */
    public int methodId() {
        return methodId;
    }

    /**
     * True when the byte stream is out of step after this error (bad frame-end octet, frame too
     * large): nothing more can be read from the connection. False when the faulty frame was read
     * whole and the next frame can still be decoded (RabbitMQ then waits for connection.close-ok).
     */
    public boolean fatal() {
        return fatal;
    }

    /** The same error, marked {@link #fatal()}. */
    ProtocolException asFatal() {
        return new ProtocolException(replyCode, text, classId, methodId, abortsConnection, null, true);
    }

    /** True when RabbitMQ drops the TCP connection for this error without sending connection.close. */
    public boolean abortsConnection() {
        return abortsConnection;
    }

    /**
     * The reply text as RabbitMQ builds it (rabbit_binary_generator:amqp_exception_explanation):
     * "FRAME_ERROR - explanation", or just the name when there is no explanation, cut to 252 octets
     * plus "..." when longer than 255 octets of UTF-8.
     */
    public String replyText() {
        return replyText(replyCode, text);
    }

    public static String replyText(ReplyCode code, String text) {
        String full = text == null || text.isEmpty() ? code.name() : code.name() + " - " + text;
        byte[] utf8 = full.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REPLY_TEXT) {
            return full;
        }
        StringBuilder cut = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < full.length(); ) {
            int cp = full.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > MAX_REPLY_TEXT - 3) {
                break;
            }
            cut.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        return cut.append("...").toString();
    }

    private static String message(ReplyCode code, String text, String detail) {
        String reply = replyText(code, text);
        return detail == null ? reply : reply + " (" + detail + ")";
    }
}
