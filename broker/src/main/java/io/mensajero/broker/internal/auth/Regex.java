package io.mensajero.broker.internal.auth;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions as RabbitMQ uses them in permissions, policies and filters: matched
 * anywhere in the name (Erlang's {@code re:run}, not a whole-string match). Java's syntax and
 * PCRE's agree on what these patterns use; an invalid one is described with PCRE's words where
 * the two libraries name the same mistake, so errors read as RabbitMQ's do.
 */
public final class Regex {
    private Regex() {
    }

    /** A pattern that does not compile: PCRE's description and the offset it points at. */
    public static final class Invalid extends Exception {
        private final String pattern;
        private final String description;
        private final int offset;

        Invalid(String pattern, String description, int offset) {
            super(description, null, false, false);
            this.pattern = pattern;
            this.description = description;
            this.offset = offset;
        }

        public String pattern() {
            return pattern;
        }

        public String description() {
            return description;
        }

        public int offset() {
            return offset;
        }
    }

    public static Pattern compile(String regex) throws Invalid {
        try {
            return Pattern.compile(pcreBraces(regex));
        } catch (PatternSyntaxException e) {
            throw new Invalid(regex, pcreDescription(e), Math.max(e.getIndex(), 0));
        }
    }

    /**
     * PCRE reads a '{' that does not start a quantifier ({n}, {n,}, {n,m}) as a literal brace,
     * as in topic permissions' {username}; Java refuses it. Such braces are escaped.
     */
    static String pcreBraces(String regex) {
        if (regex.indexOf('{') < 0) {
            return regex;
        }
        StringBuilder sb = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                sb.append(c).append(regex.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '{' && !inClass && !QUANTIFIER.matcher(regex).region(i, regex.length()).lookingAt()) {
                sb.append("\\{");
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

    /** Whether the pattern matches somewhere in the text. */
    public static boolean matches(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }

    private static String pcreDescription(PatternSyntaxException e) {
        String d = e.getDescription();
        String pattern = e.getPattern() == null ? "" : e.getPattern();
        if (d.startsWith("Unclosed group")) {
            return "missing )";
        }
        if (d.startsWith("Unmatched closing ')'")) {
            return "unmatched parentheses";
        }
        if (d.startsWith("Unclosed character class")) {
            return "missing terminating ] for character class";
        }
        if (d.startsWith("Dangling meta character")) {
            return "nothing to repeat";
        }
        if (d.startsWith("Unexpected internal error") && pattern.endsWith("\\")) {
            return "\\ at end of pattern";
        }
        if (d.startsWith("Illegal repetition")) {
            return "nothing to repeat";
        }
        return d.toLowerCase(java.util.Locale.ROOT);
    }
}
