package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The management HTTP API in RabbitMQ's dialect, as RabbitMQ's management plugin and Mensajero's
 * broker serve it: JSON over HTTP with basic authentication. Every call names what it does
 * ({@code what}, a text such as {@code ctl.op.addUser}) for its error message. A refused login or a missing tag is
 * a {@link MensajeroException} here; any other answer that is not 2xx is an {@link ApiException}
 * that the command may read (404, 400) before it becomes one line.
 */
final class ManagementClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ManagementUrl url;
    private final Duration timeout;
    private final HttpClient http;

    ManagementClient(ManagementUrl url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ManagementUrl url() {
        return url;
    }

    /** One path segment, percent-encoded as the API wants it ({@code /} is {@code %2F}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(Text what, String path) {
        return parse(what, send(what, request(path).GET()).body());
    }

    /** GET, or empty on 404. */
    Optional<JsonNode> find(Text what, String path) {
        try {
            return Optional.of(get(what, path));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** GET, the body as the API sent it. */
    String getText(Text what, String path) {
        return send(what, request(path).GET()).body();
    }

    /** PUT; returns the status: 201 created, 204 changed. */
    int put(Text what, String path, Object body) {
        return send(what, request(path).header("Content-Type", "application/json").PUT(body(body))).statusCode();
    }

    void post(Text what, String path, Object body) {
        send(what, request(path).header("Content-Type", "application/json").POST(body(body)));
    }

    void delete(Text what, String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).DELETE();
        headers.forEach(request::header);
        send(what, request);
    }

    private HttpRequest.Builder request(String path) {
        String credentials = url.username() + ":" + url.password();
        // No Accept header: RabbitMQ answers 406 to one on DELETE .../contents.
        return HttpRequest.newBuilder(url.api(path)).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request bodies are plain values", e);
        }
    }

    private HttpResponse<String> send(Text what, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.failure(Failure.UNREACHABLE, Text.of("ctl.error.interrupted", what), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        ApiException error = ApiException.of(what, request.method(), status, response.body());
        if (status == 401 || status == 403) {
            throw refusedLogin(what, error);
        }
        throw error;
    }

    private MensajeroException refusedLogin(Text what, ApiException error) {
        String user = url.username();
        if ("Login failed".equalsIgnoreCase(error.reason()) || error.reason().isEmpty()) {
            return Errors.failure(Failure.AUTHENTICATION, Text.of("ctl.error.authentication", user, url.toString()), null);
        }
        return Errors.failure(Failure.ACCESS_REFUSED, Text.of("ctl.error.accessRefused", user, what, url.toString(),
                Text.literal(error.status() + " " + error.reason())), null);
    }

    private MensajeroException unreachable(Text what, IOException e) {
        Text why;
        if (e instanceof HttpConnectTimeoutException) {
            why = Text.of("ctl.error.unreachable.connectTimeout");
        } else if (e instanceof HttpTimeoutException) {
            why = Text.of("ctl.error.unreachable.timeout", String.valueOf(timeout.toMillis() / 1000.0));
        } else if (caused(e, UnresolvedAddressException.class) || caused(e, UnknownHostException.class)) {
            why = Text.of("ctl.error.unreachable.unknownHost");
        } else if (caused(e, ConnectException.class)) {
            why = Text.of("ctl.error.unreachable.refused");
        } else if (String.valueOf(e.getMessage()).contains("status line")) {
            why = Text.of("ctl.error.unreachable.notHttp");
        } else {
            why = Text.literal(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return Errors.failure(Failure.UNREACHABLE, Text.of("ctl.error.unreachable", url.toString(), what, why), e);
    }

    private static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parse(Text what, String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.notJson", url.toString(), what), e);
        }
    }
}
