package io.mensajero.cli.ctl;

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
 * ({@code what}, e.g. "add user 'ana'") for its error message. A refused login or a missing tag is
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

    JsonNode get(String what, String path) {
        return parse(what, send(what, request(path).GET()).body());
    }

    /** GET, or empty on 404. */
    Optional<JsonNode> find(String what, String path) {
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
    String getText(String what, String path) {
        return send(what, request(path).GET()).body();
    }

    /** PUT; returns the status: 201 created, 204 changed. */
    int put(String what, String path, Object body) {
        return send(what, request(path).header("Content-Type", "application/json").PUT(body(body))).statusCode();
    }

    void post(String what, String path, Object body) {
        send(what, request(path).header("Content-Type", "application/json").POST(body(body)));
    }

    void delete(String what, String path, Map<String, String> headers) {
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

    private HttpResponse<String> send(String what, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MensajeroException(Failure.UNREACHABLE, "interrupted while asked to " + what);
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

    private MensajeroException refusedLogin(String what, ApiException error) {
        String user = "'" + url.username() + "'";
        if ("Login failed".equalsIgnoreCase(error.reason()) || error.reason().isEmpty()) {
            return new MensajeroException(Failure.AUTHENTICATION, "authentication failed for user " + user
                    + " at the management API " + url + " (wrong user name or password)");
        }
        return new MensajeroException(Failure.ACCESS_REFUSED, "user " + user + " may not " + what + " at " + url
                + " (" + error.status() + " " + error.reason() + ")");
    }

    private MensajeroException unreachable(String what, IOException e) {
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "connection timed out";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer within " + timeout.toMillis() / 1000.0 + " s; see --timeout";
        } else if (caused(e, UnresolvedAddressException.class) || caused(e, UnknownHostException.class)) {
            why = "unknown host";
        } else if (caused(e, ConnectException.class)) {
            why = "connection refused; is the management plugin enabled (rabbitmq-plugins enable "
                    + "rabbitmq_management), or Mensajero's broker started with its management port?";
        } else if (String.valueOf(e.getMessage()).contains("status line")) {
            why = "it does not answer HTTP; the management API is on another port than AMQP's, 15672 by default";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new MensajeroException(Failure.UNREACHABLE, "cannot reach the management API at " + url
                + " to " + what + " (" + why + ")", e);
    }

    private static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parse(String what, String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MensajeroException(Failure.BROKER_REFUSED, "the management API at " + url
                    + " answered with something that is not JSON when asked to " + what
                    + "; is it a management API?", e);
        }
    }
}
