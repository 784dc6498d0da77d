package io.mensajero.client;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * A text for a person, kept as a key and its arguments so that it can be said in English or in
 * Spanish: the client's texts are in the resource bundles {@code io/mensajero/client/texts.properties}
 * (English) and {@code texts_es.properties} (Spanish), {@link MessageFormat} patterns. An argument
 * is a plain value (shown as it is: a number given to a plain {@code {0}} is never grouped, so a port
 * stays "5672") or another {@code Text}, said in the same language. An application may add texts
 * of its own ({@link #in(Locale, Function)}); a {@linkplain #literal(String) literal} is the same in
 * every language (a broker's reply text, an operating system's error).
 */
public final class Text {
    static final String BUNDLE = "io.mensajero.client.texts";
    private static final String LITERAL = "";

    private final String key;
    private final List<Object> args;

    private Text(String key, List<Object> args) {
        this.key = key;
        this.args = args;
    }

    /** The text with this key in the client's (or an application's) bundles, with its arguments. */
    public static Text of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a text's key is not empty");
        }
        return new Text(key, Arrays.asList(args.clone()));
    }

    /** Words that are the same in every language (they come from elsewhere: a broker, the operating system). */
    public static Text literal(String words) {
        return new Text(LITERAL, List.of(String.valueOf(words)));
    }

    /** The key ("" for a literal). */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** In the language of {@code locale} (English unless it is Spanish), from the client's bundles only. */
    public String in(Locale locale) {
        return in(locale, k -> null);
    }

    /**
     * In the language of {@code locale}: the client's pattern for the key, else the one
     * {@code otherPatterns} gives (an application's own texts in that language; null when it has none).
     */
    public String in(Locale locale, Function<String, String> otherPatterns) {
        if (key.isEmpty()) {
            return (String) args.get(0);
        }
        String pattern = pattern(key, locale, otherPatterns);
        MessageFormat format = new MessageFormat(pattern, locale);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Object arg = args.get(i);
            boolean plain = i >= formats.length || formats[i] == null;
            shown[i] = arg instanceof Text t ? t.in(locale, otherPatterns)
                    : arg instanceof Number && plain ? String.valueOf(arg) : arg;
        }
        return format.format(shown);
    }

    /** In English. */
    @Override
    public String toString() {
        return in(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && key.equals(t.key) && args.equals(t.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, args);
    }

    private static String pattern(String key, Locale locale, Function<String, String> otherPatterns) {
        ResourceBundle bundle = bundle(locale);
        if (bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        String other = otherPatterns.apply(key);
        if (other == null) {
            throw new MissingResourceException("no text for '" + key + "'", BUNDLE, key);
        }
        return other;
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale language = "es".equals(locale.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
