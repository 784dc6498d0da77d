package io.mensajero.broker.internal;

import io.mensajero.protocol.Method;
import io.mensajero.protocol.ProtocolException;
import io.mensajero.protocol.ReplyCode;

/**
 * An error the broker answers with channel.close (soft reply codes) or connection.close (hard
 * reply codes), as RabbitMQ does. The text is the part after RabbitMQ's {@code CODE_NAME - }
 * prefix, which {@link #replyText()} adds.
 */
public final class AmqpException extends RuntimeException {
    private final ReplyCode replyCode;
    private final int classId;
    private final int methodId;
    private final boolean connectionError;

    private AmqpException(ReplyCode replyCode, String text, int classId, int methodId, boolean connectionError) {
        super(text, null, false, false);
        this.replyCode = replyCode;
        this.classId = classId;
        this.methodId = methodId;
        this.connectionError = connectionError;
    }

    public static AmqpException of(ReplyCode code, String text) {
        return new AmqpException(code, text, 0, 0, code.isHardError());
    }

    public static AmqpException of(ReplyCode code, String format, Object... args) {
        return of(code, String.format(format, args));
    }

    public static AmqpException notFound(String format, Object... args) {
        return of(ReplyCode.NOT_FOUND, format, args);
    }

    public static AmqpException accessRefused(String format, Object... args) {
        return of(ReplyCode.ACCESS_REFUSED, format, args);
    }

    public static AmqpException resourceLocked(String format, Object... args) {
        return of(ReplyCode.RESOURCE_LOCKED, format, args);
    }

    public static AmqpException preconditionFailed(String format, Object... args) {
        return of(ReplyCode.PRECONDITION_FAILED, format, args);
    }

    public static AmqpException notAllowed(String format, Object... args) {
        return of(ReplyCode.NOT_ALLOWED, format, args);
    }

    public static AmqpException notImplemented(String format, Object... args) {
        return of(ReplyCode.NOT_IMPLEMENTED, format, args);
    }

    /** 541, closing the connection: where RabbitMQ's code fails rather than refuses, it says no more than this. */
    public static AmqpException internalError() {
        return of(ReplyCode.INTERNAL_ERROR, "");
    }

    public static AmqpException commandInvalid(String format, Object... args) {
        return of(ReplyCode.COMMAND_INVALID, format, args);
    }

    public static AmqpException channelError(String format, Object... args) {
        return of(ReplyCode.CHANNEL_ERROR, format, args);
    }

    public static AmqpException unexpectedFrame(String format, Object... args) {
        return of(ReplyCode.UNEXPECTED_FRAME, format, args);
    }

    public static AmqpException frameError(String format, Object... args) {
        return of(ReplyCode.FRAME_ERROR, format, args);
    }

    /** The same error, blamed on the method being handled (its ids go into the close). */
    public AmqpException during(Method method) {
        if (classId != 0 || method == null) {
            return this;
        }
        return new AmqpException(replyCode, getMessage(), method.classId(), method.methodId(), connectionError);
    }

    /** The same error, blamed on the method with these ids (0, 0 for none). */
    public AmqpException during(int failingClassId, int failingMethodId) {
        return new AmqpException(replyCode, getMessage(), failingClassId, failingMethodId, connectionError);
    }

    /** The same error, closing the whole connection although its code is soft (403 on login). */
    public AmqpException onConnection() {
        return new AmqpException(replyCode, getMessage(), classId, methodId, true);
    }

    public ReplyCode replyCode() {
        return replyCode;
    }

    /** RabbitMQ's reply text: the code's name, a dash, the explanation, cut to fit a shortstr. */
    public String replyText() {
        return ProtocolException.replyText(replyCode, printable(getMessage()));
    }

    /**
     * Names in the text may hold octets that are not UTF-8 (kept as unpaired surrogates); a reply
     * text must be valid UTF-8, so they become U+FFFD.
     */
    private static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unpaired = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (unpaired && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (sb != null) {
                sb.append(unpaired ? '\uFFFD' : c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** True when the connection is closed, false when only the channel is. */
    public boolean isConnectionError() {
        return connectionError;
    }

    public int classId() {
        return classId;
    }

    public int methodId() {
        return methodId;
    }
}
