package io.mensajero.console;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * Finds the web console's files on the class path, for whatever serves them (the broker's
 * management port, or {@code mensajero console}). The console is static: {@code /} is
 * {@code mensajero/console/index.html}, any other path outside {@code /api/} is a file under
 * {@code mensajero/console/}, and {@code /webjars/**} is a WebJar's file under
 * {@code META-INF/resources/webjars/}. Everything the console shows comes from the management
 * HTTP API ({@code /api/...}), which is not served from here.
 *
 * <pre>{@code
 * Optional<ConsoleAssets.Asset> asset = ConsoleAssets.find(request.uri().getPath());
 * // 404 when empty; else stream asset.url() with asset.contentType()
 * }</pre>
 */
public final class ConsoleAssets {
    /** Class-path folder of the console's own files. */
    public static final String ROOT = "mensajero/console/";
    /** Class-path folder of WebJars, served under {@code /webjars/}. */
    public static final String WEBJARS = "META-INF/resources/webjars/";
    /** The Content-Security-Policy to send with the console's files: its own scripts and styles only, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"));

    /** A file of the console: where it is on the class path and the Content-Type to send. */
    public record Asset(String resource, URL url, String contentType, boolean immutable) {
    }

    private ConsoleAssets() {
    }

    /**
     * The file a request path names (the path only: no query string; still percent-encoded is
     * fine for the console's own names, which are plain ASCII), or empty when there is none or the
     * path tries to leave the console's folders. {@code /api/...} is never an asset.
     */
    public static Optional<Asset> find(String path) {
        return find(path, ConsoleAssets.class.getClassLoader());
    }

    static Optional<Asset> find(String path, ClassLoader loader) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || isApi(path)) {
            return Optional.empty();
        }
        String relative = path.substring(1);
        if (relative.isEmpty()) {
            relative = "index.html";
        }
        if (relative.contains("..") || relative.contains("\\") || relative.contains("//")
                || relative.endsWith("/") || relative.contains("%")) {
            return Optional.empty();
        }
        boolean webjar = relative.startsWith("webjars/");
        String resource = webjar ? WEBJARS + relative.substring("webjars/".length()) : ROOT + relative;
        if (webjar && !resource.matches(".*/[0-9][^/]*/.*")) {
            return Optional.empty();
        }
        URL url = loader.getResource(resource);
        if (url == null || !isFile(url)) {
            return Optional.empty();
        }
        return Optional.of(new Asset(resource, url, contentType(resource), webjar));
    }

    /** A folder is not a file: a class-path folder's URL would list its contents. */
    private static boolean isFile(URL url) {
        try {
            if ("file".equals(url.getProtocol())) {
                return Files.isRegularFile(Path.of(url.toURI()));
            }
            if ("jar".equals(url.getProtocol())) {
                JarEntry entry = ((JarURLConnection) url.openConnection()).getJarEntry();
                return entry != null && !entry.isDirectory();
            }
            return !url.getPath().endsWith("/");
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code /api} and everything under it belong to the management API. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The Content-Type for a file name, by its extension. */
    public static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
