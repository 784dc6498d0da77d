package io.mensajero.scenarios.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets and clears policies and operator policies on the broker under test, on vhost "/", and
 * clears what it set when closed: through the broker's management API
 * ({@code PUT /api/policies/%2F/NAME}, {@link BrokerUnderTest#managementUri()}), or on RabbitMQ
 * with rabbitmqctl {@code set_policy} when its API is not there.
 */
public final class PolicyControl implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BrokerUnderTest broker;
    private final List<String[]> set = new ArrayList<>();
    private Boolean apiReachable;

    public PolicyControl(BrokerUnderTest broker) {
        this.broker = broker;
    }

    /** A policy: pattern, definition (keys without x-), priority, apply-to (queues, exchanges, all). */
    public void policy(String name, String pattern, Map<String, Object> definition, int priority, String applyTo) {
        put("policies", name, pattern, definition, priority, applyTo);
    }

    /** An operator policy: only expires, message-ttl, max-length(-bytes), max-in-memory-*, delivery-limit. */
    public void operatorPolicy(String name, String pattern, Map<String, Object> definition, int priority,
                               String applyTo) {
        put("operator-policies", name, pattern, definition, priority, applyTo);
    }

    public void clear(String name) {
        delete("policies", name);
    }

    private void put(String kind, String name, String pattern, Map<String, Object> definition, int priority,
                     String applyTo) {
        set.add(new String[] {kind, name});
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pattern", pattern);
        body.put("definition", definition);
        body.put("priority", priority);
        body.put("apply-to", applyTo);
        if (api()) {
            int status = http("PUT", "/api/" + kind + "/%2F/" + name, body);
            if (status / 100 != 2) {
                throw new AssertionError("PUT /api/" + kind + "/" + name + " answered " + status);
            }
        } else {
            RabbitMqResource.rabbitmqctl(kind.equals("policies") ? "set_policy" : "set_operator_policy",
                    "--priority", Integer.toString(priority), "--apply-to", applyTo, name, pattern, json(definition));
        }
    }

    private void delete(String kind, String name) {
        set.removeIf(s -> s[0].equals(kind) && s[1].equals(name));
        if (api()) {
            http("DELETE", "/api/" + kind + "/%2F/" + name, null);
        } else {
            RabbitMqResource.rabbitmqctl(kind.equals("policies") ? "clear_policy" : "clear_operator_policy", name);
        }
    }

    @Override
    public void close() {
        for (String[] s : new ArrayList<>(set)) {
            delete(s[0], s[1]);
        }
    }

    /** Whether to use the API: always on Mensajero (its API is part of the broker), on RabbitMQ when reachable. */
    private boolean api() {
        if (apiReachable == null) {
            try {
                apiReachable = !broker.isRabbitMq() || http("GET", "/api/overview", null) == 200;
            } catch (IllegalStateException e) {
                apiReachable = false;
            }
        }
        return apiReachable;
    }

    private int http(String method, String path, Object body) {
        String auth = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(broker.managementUri() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json(body)));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("management API at " + broker.managementUri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
