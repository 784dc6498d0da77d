package io.mensajero.cli.console;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's server against a stand-in management API: files, forwarding, streaming, errors. */
class ConsoleServerTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final CountDownLatch releaseSecondHalf = new CountDownLatch(1);
    private HttpServer upstream;
    private ConsoleServer console;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/mgmt/api/", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("uri", exchange.getRequestURI().toString());
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("x-reason", String.valueOf(exchange.getRequestHeaders().getFirst("X-Reason")));
            seen.put("cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            try (InputStream in = exchange.getRequestBody()) {
                seen.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("first half;".getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    releaseSecondHalf.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write("second half".getBytes(StandardCharsets.UTF_8));
                out.close();
                return;
            }
            byte[] body = "{\"error\":\"bad_request\",\"reason\":\"no\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Upstream", "yes");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        console = ConsoleServer.start("127.0.0.1", 0,
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/mgmt/"));
    }

    @AfterEach
    void stop() {
        releaseSecondHalf.countDown();
        console.close();
        upstream.stop(0);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path));
    }

    @Test
    void servesTheConsolesFiles() throws Exception {
        HttpResponse<String> index = send(at("/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> v.contains("default-src 'self'"));
        assertThat(index.body()).contains("js/main.js");
        assertThat(send(at("/webjars/uplot/1.6.30/dist/uPlot.esm.js")).headers().firstValue("Cache-Control"))
                .contains("max-age=31536000, immutable");
        assertThat(send(at("/nothing.js")).statusCode()).isEqualTo(404);
        assertThat(send(at("/js/../../etc/passwd")).statusCode()).isEqualTo(404);
        assertThat(send(at("/").POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(405);
    }

    @Test
    void forwardsTheCallAsItIsAndTheAnswerAsItIs() throws Exception {
        HttpResponse<String> answer = send(at("/api/queues/%2F/q%20x?page=2&name=a%2Bb")
                .header("Authorization", "Basic Z3Vlc3Q6Z3Vlc3Q=").header("X-Reason", "why").header("Cookie", "c=1")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"durable\":true}")));
        assertThat(seen).containsEntry("method", "PUT").containsEntry("uri", "/mgmt/api/queues/%2F/q%20x?page=2&name=a%2Bb")
                .containsEntry("authorization", "Basic Z3Vlc3Q6Z3Vlc3Q=").containsEntry("x-reason", "why")
                .containsEntry("cookie", "null").containsEntry("body", "{\"durable\":true}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"bad_request\",\"reason\":\"no\"}");
        assertThat(answer.headers().firstValue("X-Upstream")).contains("yes");
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void streamsTheAnswerAsItComes() throws Exception {
        HttpResponse<InputStream> answer = client.send(at("/api/stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            byte[] first = body.readNBytes("first half;".length());
            assertThat(new String(first, StandardCharsets.UTF_8)).as("before the upstream finished").isEqualTo("first half;");
            releaseSecondHalf.countDown();
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second half");
        }
    }

    @Test
    void anUnreachableManagementApiIsABadGatewayInTheApisShape() throws Exception {
        int nothing;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothing = socket.getLocalPort();
        }
        try (ConsoleServer dead = ConsoleServer.start("127.0.0.1", 0, URI.create("http://127.0.0.1:" + nothing))) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dead.port() + "/api/overview")));
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.body()).isEqualTo("{\"error\":\"bad_gateway\",\"reason\":\"cannot reach the management API at "
                    + "http://127.0.0.1:" + nothing + " (connection refused)\"}");
        }
    }
}
