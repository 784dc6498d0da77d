package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The management API's routes: patterns such as {@code /api/queues/{vhost}/{name}} matched
 * against the path's decoded segments. A literal segment beats a parameter, so
 * {@code /api/users/without-permissions} is not the user "without-permissions".
 */
final class Router {
    /** Answers a request; runs on the HTTP thread and asks the broker loop for what it needs. */
    interface Handler {
        CompletableFuture<ApiResponse> handle(ApiRequest request);
    }

    record Match(Route route, Map<String, String> params) {
    }

    static final class Route {
        private final String[] parts;
        private final Map<HttpMethod, Handler> handlers = new LinkedHashMap<>();

        Route(String pattern) {
            this.parts = pattern.substring(1).split("/");
        }

        Handler handler(HttpMethod method) {
            if (method.equals(HttpMethod.HEAD)) {
                return handlers.get(HttpMethod.GET);
            }
            return handlers.get(method);
        }

        /** RabbitMQ's Allow header: HEAD and GET, PUT, POST, DELETE as routed, OPTIONS. */
        String allow() {
            List<String> allowed = new ArrayList<>();
            if (handlers.containsKey(HttpMethod.GET)) {
                allowed.add("HEAD");
                allowed.add("GET");
            }
            for (HttpMethod m : List.of(HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE)) {
                if (handlers.containsKey(m)) {
                    allowed.add(m.name());
                }
            }
            allowed.add("OPTIONS");
            return String.join(", ", allowed);
        }

        private int literals() {
            int n = 0;
            for (String p : parts) {
                if (!p.startsWith("{")) {
                    n++;
                }
            }
            return n;
        }

        private Map<String, String> match(List<String> segments) {
            if (segments.size() != parts.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.startsWith("{")) {
                    params.put(p.substring(1, p.length() - 1), segments.get(i));
                } else if (!p.equals(segments.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();

    Router on(HttpMethod method, String pattern, Handler handler) {
        routes.computeIfAbsent(pattern, Route::new).handlers.put(method, handler);
        return this;
    }

    Router get(String pattern, Handler handler) {
        return on(HttpMethod.GET, pattern, handler);
    }

    Router put(String pattern, Handler handler) {
        return on(HttpMethod.PUT, pattern, handler);
    }

    Router post(String pattern, Handler handler) {
        return on(HttpMethod.POST, pattern, handler);
    }

    Router delete(String pattern, Handler handler) {
        return on(HttpMethod.DELETE, pattern, handler);
    }

    /** The most specific route for the segments, or null. */
    Match match(List<String> segments) {
        Match best = null;
        int bestLiterals = -1;
        for (Route r : routes.values()) {
            Map<String, String> params = r.match(segments);
            if (params != null && r.literals() > bestLiterals) {
                best = new Match(r, params);
                bestLiterals = r.literals();
            }
        }
        return best;
    }
}
