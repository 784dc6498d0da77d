package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The web console's files, from the classpath: {@code /} is {@code mensajero/console/index.html},
 * any other path outside {@code /api} and {@code /metrics} is under {@code mensajero/console/},
 * and {@code /webjars/**} comes from the WebJars on the classpath
 * ({@code META-INF/resources/webjars/}). A file that is not there is 404.
 */
final class StaticFiles {
    static final String CONSOLE = "mensajero/console";
    static final String WEBJARS = "META-INF/resources/webjars";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("properties", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("wasm", "application/wasm"));

    private final ClassLoader loader;

    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    ApiResponse serve(String rawPath) {
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        if (path.contains("..") || path.contains("\\") || path.contains("//") || path.indexOf('\0') >= 0) {
            return notFound();
        }
        String resource = path.startsWith("/webjars/") ? WEBJARS + path.substring("/webjars".length())
                : CONSOLE + path;
        String type = contentType(resource);
        if (type == null) {
            return notFound();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return notFound();
            }
            return ApiResponse.raw(in.readAllBytes(), type);
        } catch (IOException e) {
            return notFound();
        }
    }

    /** The content type for the file's extension; null for a name without one (directories included). */
    static String contentType(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash) {
            return null;
        }
        return TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    private static ApiResponse notFound() {
        return new ApiResponse(HttpResponseStatus.NOT_FOUND, null, "404 Not Found\n".getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", Map.of());
    }
}
