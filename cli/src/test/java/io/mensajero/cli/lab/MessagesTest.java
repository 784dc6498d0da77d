package io.mensajero.cli.lab;

import io.mensajero.cli.lab.scenario.Scenarios;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

/** The lab's two languages: the same keys, valid patterns, and every key the code uses. */
class MessagesTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"((?:text|check|verdict|step|incomplete|html|stage|broker|progress|accounting|list)\\.[\\w.-]*[\\w-])\"");

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("lab_es.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("lab.properties").stringPropertyNames());
    }

    @Test
    void everyTextIsAValidPatternWithEscapedApostrophes() throws IOException {
        for (String file : new String[] {"lab.properties", "lab_es.properties"}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String value = texts.getProperty(key);
                assertThat(value).as("%s in %s", key, file).isNotBlank();
                if (key.startsWith("body.")) {
                    continue;
                }
                assertThat(value.replace("''", "")).as("%s in %s: a lone ' swallows text", key, file).doesNotContain("'");
                new MessageFormat(value, Locale.ROOT);
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsAndEveryScenarioHasItsTexts() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/mensajero/cli/lab"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String id : Scenarios.ids()) {
            used.add("scenario." + id + ".title");
            used.add("scenario." + id + ".why");
            used.add("scenario." + id + ".name");
            used.add("verdict." + id);
        }
        for (String verb : new String[] {"sent", "received", "acked", "done", "forwarded", "held", "unfinished", "lost",
                "signal", "exit", "failed", "depth"}) {
            used.add("text.verb." + verb);
        }
        assertThat(used).hasSizeGreaterThan(60);
        Set<String> keys = load("lab.properties").stringPropertyNames();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyCommandTextTheCodeNamesExists() throws IOException {
        Pattern commandKey = Pattern.compile("\"((?:cmd|ctl)\\.[\\w.-]*[\\w-])\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/mensajero/cli"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = commandKey.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String cause : new String[] {"none", "fail-on", "fail-rate", "redelivered"}) {
            used.add("cmd.failed.cause." + cause);   // FailureLines names them by the event's cause
        }
        for (io.mensajero.broker.BrokerStartException.Reason reason : io.mensajero.broker.BrokerStartException.Reason.values()) {
            if (reason != io.mensajero.broker.BrokerStartException.Reason.OTHER) {   // Errors.cannotStart names them so
                used.add("cmd.error.broker." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        for (String what : new String[] {"queues", "exchanges", "bindings", "connections", "channels", "consumers",
                "users", "vhosts", "permissions", "policies", "operator-policies"}) {
            used.add("ctl.op.list." + what);   // ListCommands names them by the listing
        }
        used.addAll(java.util.List.of("ctl.limit.memory", "ctl.limit.disk"));   // NodeCommands.setLimit
        assertThat(used).contains("cmd.failed", "cmd.deadLettered", "cmd.error.seeHelp", "cmd.error.value.negative",
                "cmd.error.lab.html", "ctl.error.refused", "ctl.info.addUser", "cmd.bench.summary");
        assertThat(load("lab.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void spanishWhenTheSystemSpeaksSpanishElseEnglish() {
        assertThat(Messages.defaultLanguage(Locale.forLanguageTag("es-CL"))).isEqualTo("es");
        assertThat(Messages.defaultLanguage(Locale.forLanguageTag("es"))).isEqualTo("es");
        assertThat(Messages.defaultLanguage(Locale.US)).isEqualTo("en");
        assertThat(Messages.defaultLanguage(Locale.forLanguageTag("pt-BR"))).isEqualTo("en");
        assertThat(Messages.systemLanguage(java.util.Map.of("LANG", "es_CL.UTF-8"), Locale.US)).isEqualTo("es");
        assertThat(Messages.systemLanguage(java.util.Map.of("LC_ALL", "C.UTF-8", "LANG", "es_ES.UTF-8"), Locale.US))
                .as("LC_ALL wins").isEqualTo("en");
        assertThat(Messages.systemLanguage(java.util.Map.of("LC_MESSAGES", "es_AR"), Locale.US)).isEqualTo("es");
        assertThat(Messages.systemLanguage(java.util.Map.of(), Locale.forLanguageTag("es-MX"))).isEqualTo("es");
        assertThat(Messages.systemLanguage(java.util.Map.of("LANG", ""), Locale.US)).isEqualTo("en");
        assertThat(Messages.forLanguage("es").get("text.why")).isEqualTo("Por qué:");
        assertThat(Messages.forLanguage("en").get("text.why")).isEqualTo("Why:");
    }

    @Test
    void argumentsAreFormattedForTheLanguage() {
        Messages es = Messages.forLanguage("es");
        assertThat(es.seconds(1420)).isEqualTo("1,4 s");
        assertThat(Messages.forLanguage("en").seconds(1420)).isEqualTo("1.4 s");
        assertThat(es.get("check.empty", "q", 0)).isEqualTo("la cola q queda vacía al final (0 en espera)");
        assertThat(es.get("accounting.short", java.util.List.of("a", "b"), java.util.List.of()))
                .isEqualTo("faltan a, b, duplicados ninguno");
        assertThat(es.raw("body.task")).isEqualTo("tarea {n}");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
