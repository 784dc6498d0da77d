package io.mensajero.cli.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mensajero.console.ConsoleAssets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web console on a local port: its static files (from {@link ConsoleAssets}) and
 * {@code /api/*} forwarded to a management API ({@link ApiProxy}), so the same console works with
 * RabbitMQ's management plugin and with Mensajero's broker.
 *
 * <p>It is the JDK's {@code com.sun.net.httpserver} with a small thread pool: the console has one
 * user on this machine, every request is either a file from the class path or one call forwarded
 * and streamed back, and a blocking thread per request makes streaming a plain copy. Nothing here
 * runs on the broker's event loop.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final int THREADS = 16;
    /** What the console's pages may load: only this origin's files (no inline scripts). */
    private final HttpServer server;
    private final ExecutorService threads;
    private final ApiProxy proxy;

    private ConsoleServer(HttpServer server, ExecutorService threads, ApiProxy proxy) {
        this.server = server;
        this.threads = threads;
        this.proxy = proxy;
    }

    /**
     * Listens on {@code bind:port} (0 picks a free port) and forwards API calls to
     * {@code managementUrl}.
     *
     * @throws IOException when the address cannot be bound
     */
    public static ConsoleServer start(String bind, int port, URI managementUrl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "console-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ApiProxy proxy = new ApiProxy(managementUrl);
        ConsoleServer console = new ConsoleServer(server, threads, proxy);
        server.createContext("/", console::handle);
        server.setExecutor(threads);
        server.start();
        return console;
    }

    /** The port it listens on (the real one when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI managementUrl() {
        return proxy.target();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (ConsoleAssets.isApi(path)) {
                proxy.forward(exchange);
            } else {
                serveFile(exchange, path);
            }
        } catch (IOException e) {
            // The browser went away while we answered: nothing to tell anyone.
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "internal error: " + e);
        }
    }

    private static void serveFile(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "405 method not allowed: " + method + " " + path);
            return;
        }
        Optional<ConsoleAssets.Asset> found = ConsoleAssets.find(path);
        if (found.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "404 not found: " + path);
            return;
        }
        ConsoleAssets.Asset asset = found.get();
        exchange.getResponseHeaders().set("Content-Type", asset.contentType());
        exchange.getResponseHeaders().set("Cache-Control", asset.immutable() ? "max-age=31536000, immutable" : "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", ConsoleAssets.CONTENT_SECURITY_POLICY);
        try (InputStream in = asset.url().openStream()) {
            byte[] body = in.readAllBytes();
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening, letting requests in flight finish for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
