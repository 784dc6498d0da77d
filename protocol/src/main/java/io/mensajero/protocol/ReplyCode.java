package io.mensajero.protocol;

/**
 * The reply codes of AMQP 0-9-1, named as RabbitMQ names them in reply texts ("NOT_FOUND - no queue
 * 'x' in vhost '/'"). Hard errors close the connection; soft errors close only the channel.
 */
public enum ReplyCode {
    REPLY_SUCCESS(200, false),
    CONTENT_TOO_LARGE(311, false),
    NO_ROUTE(312, false),
    NO_CONSUMERS(313, false),
    CONNECTION_FORCED(320, true),
    INVALID_PATH(402, true),
    ACCESS_REFUSED(403, false),
    NOT_FOUND(404, false),
    RESOURCE_LOCKED(405, false),
    PRECONDITION_FAILED(406, false),
    FRAME_ERROR(501, true),
    SYNTAX_ERROR(502, true),
    COMMAND_INVALID(503, true),
    CHANNEL_ERROR(504, true),
    UNEXPECTED_FRAME(505, true),
    RESOURCE_ERROR(506, true),
    NOT_ALLOWED(530, true),
    NOT_IMPLEMENTED(540, true),
    INTERNAL_ERROR(541, true);

    private final int code;
    private final boolean hardError;

    ReplyCode(int code, boolean hardError) {
        this.code = code;
        this.hardError = hardError;
    }

    /** The numeric reply code sent in connection.close / channel.close / basic.return. */
    public int code() {
        return code;
    }

    /** True for the spec's "hard-error" class: the connection must be closed. */
    public boolean isHardError() {
        return hardError;
    }

    /** The reply code with this number; IllegalArgumentException if the spec has none. */
    public static ReplyCode of(int code) {
        for (ReplyCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown AMQP reply code " + code);
    }
}
