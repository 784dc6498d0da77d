package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files as the management port serves them (the console module is on the class path). */
class StaticFilesTest {

    @Test
    void servesTheConsoleAndItsWebJar() {
        ApiResponse index = assertServed("/", "text/html; charset=utf-8");
        assertThat(new String(index.raw(), StandardCharsets.UTF_8)).contains("js/main.js");
        assertThat(index.headers()).containsEntry("cache-control", "no-cache")
                .containsKey("content-security-policy");
        assertServed("/js/api.js", "text/javascript; charset=utf-8");
        assertServed("/messages/es.json", "application/json; charset=utf-8");
        ApiResponse uplot = assertServed("/webjars/uplot/1.6.30/dist/uPlot.esm.js", "text/javascript; charset=utf-8");
        assertThat(uplot.headers().get("cache-control")).contains("immutable");
    }

    @Test
    void missingOrOutsideIsNotFound() {
        for (String path : new String[] {"/missing.js", "/js", "/js/", "/../pom.xml", "/js/../../META-INF/MANIFEST.MF",
                "/%2e%2e/secret.txt", "/webjars/nothing.js", "/io/mensajero/console/ConsoleAssets.class"}) {
            assertThat(StaticFiles.serve(HttpMethod.GET, path).status()).as(path).isEqualTo(HttpResponseStatus.NOT_FOUND);
        }
    }

    @Test
    void onlyGetAndHead() {
        ApiResponse r = StaticFiles.serve(HttpMethod.POST, "/");
        assertThat(r.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
        assertThat(r.headers()).containsEntry("allow", "HEAD, GET");
        assertThat(StaticFiles.serve(HttpMethod.HEAD, "/").status()).isEqualTo(HttpResponseStatus.OK);
    }

    private static ApiResponse assertServed(String path, String type) {
        ApiResponse r = StaticFiles.serve(HttpMethod.GET, path);
        assertThat(r.status()).as(path).isEqualTo(HttpResponseStatus.OK);
        assertThat(r.contentType()).as(path).isEqualTo(type);
        assertThat(r.raw()).isNotEmpty();
        return r;
    }
}
