package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a management API handler answers: a status, a JSON value (or none) and headers. */
record ApiResponse(HttpResponseStatus status, Object json, byte[] raw, String contentType, Map<String, String> headers) {

    static ApiResponse ok(Object json) {
        return new ApiResponse(HttpResponseStatus.OK, json, null, null, Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(HttpResponseStatus.NO_CONTENT, null, null, null, Map.of());
    }

    static ApiResponse created() {
        return new ApiResponse(HttpResponseStatus.CREATED, null, null, null, Map.of());
    }

    /** 201 Created when the thing is new, 204 No Content when it was updated, as RabbitMQ answers a PUT. */
    static ApiResponse createdOrUpdated(boolean created) {
        return created ? created() : noContent();
    }

    static ApiResponse raw(byte[] body, String contentType) {
        return new ApiResponse(HttpResponseStatus.OK, null, body, contentType, Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, json, raw, contentType, h);
    }
}
