package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Map;

/**
 * An error answer of the management API, with RabbitMQ's status and JSON body
 * {@code {"error": ..., "reason": ...}}. The reason is a string, or for some of RabbitMQ's
 * errors a list (an Erlang term rendered as JSON).
 */
final class ApiException extends RuntimeException {
    private final HttpResponseStatus status;
    private final String error;
    private final Object reason;
    private final Map<String, String> headers;

    ApiException(HttpResponseStatus status, String error, Object reason, Map<String, String> headers) {
        super(error + ": " + reason, null, false, false);
        this.status = status;
        this.error = error;
        this.reason = reason;
        this.headers = headers;
    }

    ApiException(HttpResponseStatus status, String error, Object reason) {
        this(status, error, reason, Map.of());
    }

    static ApiException notFound() {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "Object Not Found", "Not Found");
    }

    /** RabbitMQ's 404 with a reason of its own ({@code not_found}, e.g. "vhost_not_found"). */
    static ApiException notFound(String reason) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", reason);
    }

    /** 400 bad_request; a string reason has its angle brackets escaped, as RabbitMQ does. */
    static ApiException badRequest(Object reason) {
        Object shown = reason instanceof String s ? s.replace("<", "&lt;").replace(">", "&gt;") : reason;
        return new ApiException(HttpResponseStatus.BAD_REQUEST, "bad_request", shown);
    }

    /** 400 bad_request with the reason as it is (where RabbitMQ does not escape it). */
    static ApiException badRequestAsIs(String reason) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, "bad_request", reason);
    }

    /** 401 not_authorised: a user who logged in but may not do this. */
    static ApiException notAuthorised(String reason) {
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, "not_authorised", reason);
    }

    static ApiException methodNotAllowed(String allow) {
        return new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, null, null, Map.of("allow", allow));
    }

    HttpResponseStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    Object reason() {
        return reason;
    }

    Map<String, String> headers() {
        return headers;
    }
}
