package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

class StaticFilesTest {
    private Path root;
    private URLClassLoader loader;
    private StaticFiles files;

    @BeforeEach
    void classpath() throws Exception {
        root = Files.createTempDirectory("console");
        write("mensajero/console/index.html", "<h1>console</h1>");
        write("mensajero/console/js/app.js", "console.log(1)");
        write("mensajero/console/admin/index.html", "admin");
        write("META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css", ".u{}");
        write("secret.txt", "nope");
        loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        files = new StaticFiles(loader);
    }

    @AfterEach
    void clean() throws Exception {
        loader.close();
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void write(String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void servesTheConsoleAndWebJars() {
        assertServed("/", "text/html; charset=utf-8", "<h1>console</h1>");
        assertServed("/index.html", "text/html; charset=utf-8", "<h1>console</h1>");
        assertServed("/js/app.js", "text/javascript; charset=utf-8", "console.log(1)");
        assertServed("/admin/", "text/html; charset=utf-8", "admin");
        assertServed("/webjars/uplot/1.6.30/dist/uPlot.min.css", "text/css; charset=utf-8", ".u{}");
    }

    @Test
    void missingOrOutsideIsNotFound() {
        for (String path : new String[] {"/missing.js", "/js", "/admin", "/../secret.txt", "/js/../../secret.txt",
                "/%2e%2e/secret.txt", "/webjars/nothing.js"}) {
            assertThat(files.serve(path).status()).as(path).isEqualTo(HttpResponseStatus.NOT_FOUND);
        }
    }

    private void assertServed(String path, String type, String body) {
        ApiResponse r = files.serve(path);
        assertThat(r.status()).as(path).isEqualTo(HttpResponseStatus.OK);
        assertThat(r.contentType()).isEqualTo(type);
        assertThat(new String(r.raw(), StandardCharsets.UTF_8)).isEqualTo(body);
    }
}
