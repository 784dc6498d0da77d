package io.mensajero.scenarios.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The management HTTP API of the broker under test, as a client sees it: requests with HTTP basic
 * auth (guest/guest unless told otherwise), answers as status, headers and JSON. When the API
 * cannot be reached, the scenario is skipped with the reason (failed under CI).
 */
public final class ManagementApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final String password;

    private ManagementApi(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** The API of the broker under test as guest; skips the scenario when it cannot be reached. */
    public static ManagementApi of(BrokerUnderTest broker) {
        ManagementApi api = new ManagementApi(broker.managementUri(), "guest", "guest");
        try {
            api.send("GET", "/api/overview", null, Map.of());
        } catch (IllegalStateException e) {
            Requirements.unavailable("the management API of " + broker.name() + " is not reachable at "
                    + broker.managementUri() + " (rabbitmq-plugins enable rabbitmq_management; "
                    + "RABBITMQ_MANAGEMENT_PORT names its port)");
        }
        return api;
    }

    /** The API at a base URI (e.g. a broker the scenario started itself), as guest. */
    public static ManagementApi at(String base) {
        return new ManagementApi(base, "guest", "guest");
    }

    /** The same API, logged in as someone else. */
    public ManagementApi as(String otherUser, String otherPassword) {
        return new ManagementApi(base, otherUser, otherPassword);
    }

    public String base() {
        return base;
    }

    /** An answer: the status, the headers (lower-case names), the body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response put(String path, Object json) {
        return send("PUT", path, json, Map.of());
    }

    public Response post(String path, Object json) {
        return send("POST", path, json, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Any request; {@code json} is serialised (a String is sent as it is). */
    public Response send(String method, String path, Object json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (json != null) {
            try {
                body = HttpRequest.BodyPublishers.ofString(json instanceof String s ? s : JSON.writeValueAsString(json));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
            b.header("Content-Type", "application/json");
        }
        b.method(method, body);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach " + base + ": " + e, e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text as a tree, to compare with an answer whatever the order of its fields. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** Asserts that an answer is the expected JSON, whatever the order of the fields of its objects. */
    public static void assertJson(JsonNode actual, String expected) {
        JsonNode want = json(expected);
        if (!want.equals(actual)) {
            throw new AssertionError("expected JSON " + expected + "\n but was " + actual);
        }
    }

    /** A path segment, percent-encoded ("/" is "%2F"). */
    public static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An API without credentials. */
    public ManagementApi anonymous() {
        return new ManagementApi(base, null, null);
    }
}
