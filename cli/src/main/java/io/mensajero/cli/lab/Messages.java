package io.mensajero.cli.lab;

import io.mensajero.client.Text;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The lab's texts, from the resource bundles {@code io/mensajero/cli/lab/lab*.properties}
 * (UTF-8): English in {@code lab.properties}, Spanish in {@code lab_es.properties}. Values are
 * {@link MessageFormat} patterns, except the {@code body.*} keys, which are message body
 * templates read as they are ({@link #raw(String)}).
 */
public final class Messages {
    static final String BUNDLE = "io.mensajero.cli.lab.lab";
    /** The languages the lab speaks. */
    public static final List<String> LANGUAGES = List.of("es", "en");

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code es} or {@code en}. */
    public static Messages forLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("the lab speaks es or en, not " + language);
        }
        return new Messages(Locale.forLanguageTag(language));
    }

    /** Spanish when the system's locale is Spanish, else English. */
    public static String defaultLanguage(Locale system) {
        return "es".equals(system.getLanguage()) ? "es" : "en";
    }

    /**
     * The system's language for messages: as POSIX decides it, from the first of {@code LC_ALL},
     * {@code LC_MESSAGES} and {@code LANG} that is set (so that {@code LANG=es_CL.UTF-8} means
     * Spanish even where that locale is not installed), else from the JVM's default locale.
     */
    public static String systemLanguage(Map<String, String> environment, Locale jvmDefault) {
        for (String variable : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim().toLowerCase(Locale.ROOT).startsWith("es") ? "es" : "en";
            }
        }
        return defaultLanguage(jvmDefault);
    }

    public String language() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, formatted with {@code args}; collections become "a, b, c". */
    public String get(String key, Object... args) {
        String pattern = raw(key);
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = show(args[i]);
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /**
     * A {@link Text} in this language: the client's own texts (its failures) from its bundles, the
     * others ({@code cmd.*}, an error the commands raise) from these.
     */
    public String text(Text text) {
        return text.in(locale, key -> bundle.containsKey(key) ? bundle.getString(key) : null);
    }

    /** The text for {@code key} as it is written, not formatted. */
    public String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for '" + key + "' in the lab's " + language() + " messages", e);
        }
    }

    /** Milliseconds as seconds with one decimal, e.g. "1.4 s" (or "1,4 s"). */
    public String seconds(long millis) {
        return String.format(locale, "%.1f s", millis / 1000.0);
    }

    /** The text on one line (diagnostics from processes may span several). */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private Object show(Object arg) {
        if (arg instanceof Collection) {
            Collection<?> items = (Collection<?>) arg;
            return items.isEmpty() ? raw("list.none")
                    : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return arg;
    }
}
