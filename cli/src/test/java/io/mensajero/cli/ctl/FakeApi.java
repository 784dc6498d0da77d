package io.mensajero.cli.ctl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A management API that answers what a test tells it to, on a free loopback port, and records
 * every request: enough to check what {@code mensajero ctl} sends and how it reads each kind of
 * answer without a broker. The scenarios run the same commands against the real brokers.
 */
final class FakeApi implements AutoCloseable {
    record Request(String method, String path, String authorization, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers "METHOD /api/path" (the raw path, e.g. {@code GET /api/queues/%2F}); unknown ones get 404. */
    FakeApi on(String request, int status, String body) {
        synchronized (answers) {
            answers.put(request, new Answer(status, body));
        }
        return this;
    }

    List<Request> requests() {
        synchronized (answers) {
            return List.copyOf(requests);
        }
    }

    /** "METHOD /api/path" of every request, in order. */
    List<String> calls() {
        return requests().stream().map(Request::toString).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String key = exchange.getRequestMethod() + " " + path;
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Answer answer;
        synchronized (answers) {
            requests.add(new Request(exchange.getRequestMethod(), path, headers.get("authorization"), body, headers));
            answer = answers.getOrDefault(key, new Answer(404, "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}"));
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
