package io.mensajero.broker.internal.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegexTest {

    @Test
    void matchesAnywhereLikeErlangsReRun() throws Exception {
        assertThat(Regex.matches(Regex.compile("app"), "my.app.q")).isTrue();
        assertThat(Regex.matches(Regex.compile("^app\\."), "my.app.q")).isFalse();
    }

    @Test
    void bracesThatAreNotQuantifiersAreLiteralAsInPcre() throws Exception {
        assertThat(Regex.matches(Regex.compile("^{username}\\."), "{username}.x")).isTrue();
        assertThat(Regex.matches(Regex.compile("^a{2}$"), "aa")).isTrue();
        assertThat(Regex.matches(Regex.compile("^a{2,}$"), "aaa")).isTrue();
        assertThat(Regex.matches(Regex.compile("[{]x"), "{x")).isTrue();
        assertThat(Regex.matches(Regex.compile("\\{v}"), "{v}")).isTrue();
    }

    @Test
    void invalidPatternsAreDescribedWithPcresWords() {
        assertThat(invalid("(")).isEqualTo("missing ) at 1");
        assertThat(invalid("a)")).startsWith("unmatched parentheses");
        assertThat(invalid("[a")).startsWith("missing terminating ] for character class");
        assertThat(invalid("*a")).startsWith("nothing to repeat");
    }

    private static String invalid(String pattern) {
        Regex.Invalid e = catchThrowableOfType(Regex.Invalid.class, () -> Regex.compile(pattern));
        assertThat(e).isNotNull();
        assertThat(e.pattern()).isEqualTo(pattern);
        return e.description() + " at " + e.offset();
    }
}
