package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.auth.User;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One management API request, once routed and authenticated: the path's parameters
 * (percent-decoded), the query, the body, the user, and the HTTP thread that serves it (where
 * answers are rendered).
 */
final class ApiRequest {
    private final Map<String, String> params;
    private final Map<String, List<String>> query;
    private final byte[] body;
    private final HttpHeaders headers;
    private final User user;
    private final EventExecutor executor;
    private final InetSocketAddress local;
    private final boolean secure;

    ApiRequest(Map<String, String> params, Map<String, List<String>> query, byte[] body, HttpHeaders headers,
               User user, EventExecutor executor, InetSocketAddress local, boolean secure) {
        this.params = params;
        this.query = query;
        this.body = body;
        this.headers = headers;
        this.user = user;
        this.executor = executor;
        this.local = local;
        this.secure = secure;
    }

    /** The management port's address this request came in on. */
    InetSocketAddress local() {
        return local;
    }

    /** Whether it came over HTTPS. */
    boolean secure() {
        return secure;
    }

    /** A path parameter ({@code {vhost}} in the route's pattern), decoded. */
    String param(String name) {
        return params.get(name);
    }

    boolean hasParam(String name) {
        return params.containsKey(name);
    }

    /** A query parameter's first value, or null. */
    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    byte[] body() {
        return body;
    }

    String header(String name) {
        return headers.get(name);
    }

    User user() {
        return user;
    }

    /** The HTTP thread serving this request: answers are rendered there, never on the broker loop. */
    EventExecutor executor() {
        return executor;
    }

    /** The body as a JSON object; RabbitMQ's 400 {@code not_json} when it is not one. */
    Map<String, Object> jsonObject() {
        return Json.object(body);
    }

    // ---- who may do what (RabbitMQ's management tags) ----

    void requireAdministrator() {
        if (!user.isAdministrator()) {
            throw ApiException.notAuthorised("Not administrator user");
        }
    }

    void requireMonitor() {
        if (!user.isMonitor()) {
            throw ApiException.notAuthorised("Not monitor user");
        }
    }
}
