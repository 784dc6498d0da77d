package io.mensajero.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAssetsTest {

    @Test
    void rootIsTheIndexPage() throws IOException {
        ConsoleAssets.Asset index = ConsoleAssets.find("/").orElseThrow();
        assertThat(index.resource()).isEqualTo("mensajero/console/index.html");
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(index.immutable()).isFalse();
        assertThat(read(index)).contains("<script type=\"module\" src=\"js/main.js\">");
    }

    @Test
    void filesHaveTheirContentTypes() {
        assertThat(ConsoleAssets.find("/js/main.js").orElseThrow().contentType()).startsWith("text/javascript");
        assertThat(ConsoleAssets.find("/console.css").orElseThrow().contentType()).startsWith("text/css");
        assertThat(ConsoleAssets.find("/messages/es.json").orElseThrow().contentType()).startsWith("application/json");
        assertThat(ConsoleAssets.find("/favicon.svg").orElseThrow().contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void webjarsComeFromTheirJarsAndNeverChange() {
        ConsoleAssets.Asset uplot = ConsoleAssets.find("/webjars/uplot/1.6.30/dist/uPlot.esm.js").orElseThrow();
        assertThat(uplot.resource()).isEqualTo("META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.esm.js");
        assertThat(uplot.immutable()).isTrue();
        assertThat(ConsoleAssets.find("/webjars/uplot/1.6.30/dist/uPlot.min.css")).isPresent();
    }

    @Test
    void nothingOutsideTheConsolesFolders() {
        assertThat(ConsoleAssets.find("/../mensajero/console/index.html")).isEmpty();
        assertThat(ConsoleAssets.find("/js/../index.html")).isEmpty();
        assertThat(ConsoleAssets.find("/%2e%2e/x")).isEmpty();
        assertThat(ConsoleAssets.find("/webjars/../../io/mensajero/console/ConsoleAssets.class")).isEmpty();
        assertThat(ConsoleAssets.find("/webjars/uplot/")).isEmpty();
        assertThat(ConsoleAssets.find("/js/")).isEmpty();
        assertThat(ConsoleAssets.find("/js")).as("a folder, whose URL would list it").isEmpty();
        assertThat(ConsoleAssets.find("/js/views")).isEmpty();
        assertThat(ConsoleAssets.find("/webjars/uplot/1.6.30/dist")).as("a folder in a jar").isEmpty();
        assertThat(ConsoleAssets.find("/no-such-file.js")).isEmpty();
        assertThat(ConsoleAssets.find("relative")).isEmpty();
        assertThat(ConsoleAssets.find(null)).isEmpty();
    }

    @Test
    void theApiIsNotAnAsset() {
        assertThat(ConsoleAssets.isApi("/api")).isTrue();
        assertThat(ConsoleAssets.isApi("/api/overview")).isTrue();
        assertThat(ConsoleAssets.isApi("/apis")).isFalse();
        assertThat(ConsoleAssets.find("/api/overview")).isEmpty();
    }

    private static String read(ConsoleAssets.Asset asset) throws IOException {
        try (InputStream in = asset.url().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
