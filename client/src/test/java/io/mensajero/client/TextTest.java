package io.mensajero.client;

import io.mensajero.client.internal.Failures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's texts: both languages complete, valid patterns, every key the code names, rendering. */
class TextTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");
    private static final Pattern KEY_IN_CODE = Pattern.compile("Text\\.of\\(\\s*\"([\\w.-]+)\"");
    private static final Pattern KEY_IN_CONDITIONAL = Pattern.compile("\"((?:op|error|activity|to)\\.[\\w.-]*\\w)\"");

    @Test
    void spanishAndEnglishHaveTheSameKeysAndArguments() throws IOException {
        Properties en = load("texts.properties");
        Properties es = load("texts_es.properties");
        assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(arguments(es.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
            for (Properties texts : new Properties[] {en, es}) {
                String value = texts.getProperty(key);
                assertThat(value.replace("''", "")).as("%s: a lone ' swallows text", key).doesNotContain("'");
                new MessageFormat(value, Locale.ROOT);
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/mensajero/client"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String code = Files.readString(source);
                for (Pattern pattern : new Pattern[] {KEY_IN_CODE, KEY_IN_CONDITIONAL}) {
                    Matcher m = pattern.matcher(code);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40).contains("error.connect.unreachable", "op.nackDeadLetter");
        assertThat(load("texts.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void nestedTextsAreSaidInTheSameLanguageAndNumbersAreNotGrouped() {
        Text text = Text.of("error.closed.channel", Text.of("error.when.asked", Text.of("op.declareQueue", "hello")),
                "406 PRECONDITION_FAILED - inequivalent arg 'durable'");
        assertThat(text.toString()).isEqualTo("the broker closed the channel when asked to declare queue 'hello' "
                + "(406 PRECONDITION_FAILED - inequivalent arg 'durable')");
        assertThat(text.in(SPANISH)).isEqualTo("el broker cerró el canal cuando se le pidió declarar la cola 'hello' "
                + "(406 PRECONDITION_FAILED - inequivalent arg 'durable')");
        assertThat(Text.of("op.ack", 12345L).in(SPANISH)).isEqualTo("hacer ack del delivery tag 12345");
        assertThat(Text.literal("as it is").in(SPANISH)).isEqualTo("as it is");
    }

    @Test
    void anApplicationMayAddTextsOfItsOwnButAMissingOneIsAnError() {
        Text own = Text.of("app.greeting", Text.of("error.network.refused"));
        assertThat(own.in(SPANISH, key -> key.equals("app.greeting") ? "hola ({0})" : null))
                .isEqualTo("hola (conexión rechazada)");
        assertThatThrownBy(own::toString).hasMessageContaining("app.greeting");
    }

    @Test
    void aFailureIsEnglishInItsMessageAndSpanishInItsText() {
        ConnectionSettings settings = ConnectionSettings.fromUri("amqp://guest:guest@127.0.0.1:1/%2F");
        MensajeroException failure = Failures.connecting(settings, new ConnectException("Connection refused"));
        assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
        assertThat(failure.getMessage()).isEqualTo("cannot reach the broker at 127.0.0.1:1 (connection refused)");
        assertThat(failure.text().in(SPANISH))
                .isEqualTo("no se puede conectar con el broker en 127.0.0.1:1 (conexión rechazada)");
        MensajeroException usage = MensajeroException.usage("as it was given");
        assertThat(usage.text().in(SPANISH)).isEqualTo("as it was given");
    }

    /** The argument indexes a pattern uses, e.g. [0, 1]. */
    private static Set<Integer> arguments(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            indexes.add(Integer.parseInt(m.group(1)));
        }
        return indexes;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Text.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
