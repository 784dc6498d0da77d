package io.mensajero.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvertersTest {

    @Test
    void durationsTakeUnitsOrBareSeconds() {
        assertThat(Converters.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Converters.parseDuration("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(Converters.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Converters.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Converters.parseDuration("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Converters.parseDuration("0")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1s", "soon", "1x", "1.5ms.", "0.0001s"})
    void badDurationsAreRejected(String value) {
        assertThatThrownBy(() -> Converters.parseDuration(value)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void countsAreWholeAndNotNegative() {
        Converters.CountConverter count = new Converters.CountConverter();
        assertThat(count.convert("0")).isZero();
        assertThat(count.convert("12")).isEqualTo(12);
        assertThatThrownBy(() -> count.convert("-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> count.convert("two")).hasMessageContaining("not a whole number");
    }

    @Test
    void ratesArePositiveNumbers() {
        Converters.RateConverter rate = new Converters.RateConverter();
        assertThat(rate.convert("2.5")).isEqualTo(2.5);
        assertThatThrownBy(() -> rate.convert("fast")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> rate.convert("0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> rate.convert("-4")).hasMessageContaining("positive");
    }
}
