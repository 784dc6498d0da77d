package io.mensajero.broker.internal.management;

import io.mensajero.console.ConsoleAssets;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The web console on the management port, as RabbitMQ serves its UI on 15672: whatever
 * {@link ConsoleAssets} finds for a path outside {@code /api} and {@code /metrics} (the console's
 * own files, WebJars under {@code /webjars/}). Read on the management threads, never on the
 * broker's loop. A path with no file is 404; a method other than GET or HEAD is 405.
 */
final class StaticFiles {

    private StaticFiles() {
    }

    static ApiResponse serve(HttpMethod method, String rawPath) {
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            return text(HttpResponseStatus.METHOD_NOT_ALLOWED, "405 Method Not Allowed\n").withHeader("allow", "HEAD, GET");
        }
        Optional<ConsoleAssets.Asset> found = ConsoleAssets.find(rawPath);
        if (found.isEmpty()) {
            return text(HttpResponseStatus.NOT_FOUND, "404 Not Found\n");
        }
        ConsoleAssets.Asset asset = found.get();
        try (InputStream in = asset.url().openStream()) {
            return ApiResponse.raw(in.readAllBytes(), asset.contentType())
                    .withHeader("cache-control", asset.immutable() ? "max-age=31536000, immutable" : "no-cache")
                    .withHeader("x-content-type-options", "nosniff")
                    .withHeader("content-security-policy", ConsoleAssets.CONTENT_SECURITY_POLICY);
        } catch (IOException e) {
            return text(HttpResponseStatus.NOT_FOUND, "404 Not Found\n");
        }
    }

    private static ApiResponse text(HttpResponseStatus status, String body) {
        return new ApiResponse(status, null, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", Map.of());
    }
}
