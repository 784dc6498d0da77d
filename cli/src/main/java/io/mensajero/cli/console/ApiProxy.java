package io.mensajero.cli.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards the console's {@code /api/...} calls to a management API, as they are: method, path,
 * query, body, and the browser's own {@code Authorization} (the credentials the user logged in
 * with), so the management API decides who may do what. The answer comes back as it is (status,
 * headers, body streamed). When the management API cannot be reached the console gets a 502 with
 * a body in the API's own error shape ({@code {"error": ..., "reason": ...}}), so the page can say
 * so.
 */
final class ApiProxy {
    /** Headers that belong to one hop, or that the JDK's client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "cookie", "origin", "referer", "http2-settings", "date");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response headers arrive; definitions of a big broker take a while. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final URI target;
    private final HttpClient client;

    ApiProxy(URI target) {
        this.target = target;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    URI target() {
        return target;
    }

    /** The management API's address for a request's raw path and query. */
    URI upstream(String rawPath, String rawQuery) {
        String base = target.getRawPath() == null ? "" : target.getRawPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String query = rawQuery == null ? "" : "?" + rawQuery;
        return URI.create(target.getScheme() + "://" + target.getRawAuthority() + base + rawPath + query);
    }

    void forward(HttpExchange exchange) throws IOException {
        URI uri = upstream(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            unreachable(exchange, 504, "timed out connecting");
            return;
        } catch (HttpTimeoutException e) {
            unreachable(exchange, 504, "no answer within " + RESPONSE_TIMEOUT.toSeconds() + " s");
            return;
        } catch (ConnectException e) {
            unreachable(exchange, 502, "connection refused");
            return;
        } catch (IOException e) {
            unreachable(exchange, 502, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unreachable(exchange, 503, "the console is stopping");
            return;
        }
        relay(exchange, method, response);
    }

    private static void relay(HttpExchange exchange, String method, HttpResponse<InputStream> response)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || length == 0;
        try (InputStream in = response.body()) {
            // 0 asks the JDK's server for chunked encoding: the body streams as it comes.
            exchange.sendResponseHeaders(status, noBody ? -1 : Math.max(length, 0));
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private void unreachable(HttpExchange exchange, int status, String why) throws IOException {
        String reason = "cannot reach the management API at " + target + " (" + why + ")";
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", "bad_gateway");
        error.put("reason", reason);
        ConsoleServer.send(exchange, status, "application/json", JSON.writeValueAsString(error));
    }
}
