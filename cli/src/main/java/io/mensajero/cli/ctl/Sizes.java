package io.mensajero.cli.ctl;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and disk amounts as RabbitMQ writes them: bytes, or a number with a unit: k, kiB, M,
 * MiB, G, GiB, T, TiB (powers of 1024) or kB, MB, GB, TB (powers of 1000), written in that case.
 */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("k", 1L << 10), Map.entry("kiB", 1L << 10), Map.entry("kB", 1_000L),
            Map.entry("M", 1L << 20), Map.entry("MiB", 1L << 20), Map.entry("MB", 1_000_000L),
            Map.entry("G", 1L << 30), Map.entry("GiB", 1L << 30), Map.entry("GB", 1_000_000_000L),
            Map.entry("T", 1L << 40), Map.entry("TiB", 1L << 40), Map.entry("TB", 1_000_000_000_000L));

    private Sizes() {
    }

    /** The number of bytes, or empty when the text is not an amount. */
    static Optional<Long> bytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Long factor = UNITS.get(m.group(2));
        if (factor == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A fraction, e.g. 0.4; empty when the text is not a non-negative number. */
    static Optional<Double> fraction(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return value >= 0 && !Double.isInfinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
