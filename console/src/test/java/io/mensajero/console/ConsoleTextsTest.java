package io.mensajero.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's texts: English and Spanish have the same keys, every key the pages use exists,
 * and every WebJar file the pages load is on the class path (so a version bump cannot break the
 * console silently).
 */
class ConsoleTextsTest {
    private static final Path ROOT = Path.of("src/main/resources/mensajero/console");
    /** A quoted string that looks like a text key: "group.name" or "group.sub.name". */
    private static final Pattern QUOTED = Pattern.compile("'([a-z][a-zA-Z]*\\.[a-zA-Z][a-zA-Z0-9.]*)'");
    private static final Pattern DATA_I18N = Pattern.compile("data-i18n(?:-[a-z]+)?=\"([^\"]+)\"");

    @Test
    void englishAndSpanishHaveTheSameKeys() throws IOException {
        assertThat(keys("es")).isEqualTo(keys("en"));
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> known = keys("en");
        Set<String> groups = known.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            Matcher quoted = QUOTED.matcher(text);
            while (quoted.find()) {
                String key = quoted.group(1);
                if (groups.contains(key.substring(0, key.indexOf('.'))) && !key.endsWith(".js")) {
                    used.add(key);
                }
            }
            Matcher data = DATA_I18N.matcher(text);
            while (data.find()) {
                used.add(data.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(300);
        assertThat(known).containsAll(used);
    }

    @Test
    void noTextIsEmptyAndPlaceholdersMatch() throws IOException {
        JsonNode en = bundle("en");
        JsonNode es = bundle("es");
        for (Iterator<String> names = en.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            assertThat(en.get(key).asText()).as(key).isNotBlank();
            assertThat(es.get(key).asText()).as(key).isNotBlank();
            assertThat(placeholders(es.get(key).asText())).as(key).isEqualTo(placeholders(en.get(key).asText()));
        }
    }

    @Test
    void everyWebJarFileThePagesLoadIsThere() throws IOException {
        Pattern webjar = Pattern.compile("webjars/([^'\"\\s)]+)");
        int found = 0;
        for (Path file : sources()) {
            Matcher m = webjar.matcher(Files.readString(file));
            while (m.find()) {
                found++;
                assertThat(ConsoleAssets.find("/webjars/" + m.group(1))).as(file + ": " + m.group()).isPresent();
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> keys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        bundle(language).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode bundle(String language) throws IOException {
        return new ObjectMapper().readTree(ROOT.resolve("messages/" + language + ".json").toFile());
    }

    private static Set<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).collect(Collectors.toSet());
        }
    }
}
