package io.mensajero.cli;

import io.mensajero.client.ExchangeType;
import io.mensajero.client.QueueType;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.ITypeConverter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Option value converters; a bad value becomes a one-line usage error (exit 2). */
public final class Converters {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Converters() {
    }

    /** {@code 500ms}, {@code 1s}, {@code 1.5s}, {@code 2m}, {@code 1h}, or a bare number of seconds. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseDuration(value);
        }
    }

    public static Duration parseDuration(String value) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new Errors.BadValue("cmd.error.value.duration", value);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            case "h" -> amount.multiply(BigDecimal.valueOf(3_600_000));
            default -> amount.multiply(BigDecimal.valueOf(1_000));
        };
        try {
            return Duration.ofMillis(millis.longValueExact());
        } catch (ArithmeticException e) {
            throw new Errors.BadValue("cmd.error.value.wholeMillis", value);
        }
    }

    /**
     * Every option or parameter of type int, long or double without a converter of its own: a bad
     * value is said by the bundles ("'abc' is not a whole number"), not in picocli's English.
     */
    static void registerNumbers(picocli.CommandLine commandLine) {
        ITypeConverter<Integer> integer = value -> (int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ITypeConverter<Long> whole = value -> whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
        ITypeConverter<Double> decimal = value -> number(value, "cmd.error.value.number", n -> !Double.isNaN(n),
                "cmd.error.value.number");
        commandLine.registerConverter(Integer.class, integer).registerConverter(Integer.TYPE, integer)
                .registerConverter(Long.class, whole).registerConverter(Long.TYPE, whole)
                .registerConverter(Double.class, decimal).registerConverter(Double.TYPE, decimal);
    }

    private static long whole(String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new Errors.BadValue("cmd.error.value.whole", value);
        }
        if (n < min || n > max) {
            throw new Errors.BadValue("cmd.error.value.tooLarge", value);
        }
        return n;
    }

    /** A whole number, zero or more. */
    public static final class CountConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new Errors.BadValue("cmd.error.value.whole", value);
            }
            if (n < 0) {
                throw new Errors.BadValue("cmd.error.value.negative", value);
            }
            return n;
        }
    }

    /** Messages per second: a positive number. */
    public static final class RateConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, "cmd.error.value.rate", rate -> rate > 0 && !Double.isInfinite(rate),
                    "cmd.error.value.positiveRate");
        }
    }

    /** A probability: a number from 0 to 1. */
    static final class ProbabilityConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, "cmd.error.value.probability", p -> p >= 0 && p <= 1, "cmd.error.value.probability");
        }
    }

    /** {@code value} as a number; {@code notANumber} says it is none, {@code outOfRange} that {@code accepted} refuses it. */
    private static double number(String value, String notANumber, DoublePredicate accepted, String outOfRange) {
        double n;
        try {
            n = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new Errors.BadValue(notANumber, value);
        }
        if (!accepted.test(n)) {
            throw new Errors.BadValue(outOfRange, value);
        }
        return n;
    }

    /** fanout, direct, topic or headers. */
    public static final class ExchangeTypeConverter implements ITypeConverter<ExchangeType> {
        @Override
        public ExchangeType convert(String value) {
            try {
                return ExchangeType.parse(value);
            } catch (MensajeroException e) {
                throw new Errors.BadValue(e.text());
            }
        }
    }

    /** classic or quorum. */
    static final class QueueTypeConverter implements ITypeConverter<QueueType> {
        @Override
        public QueueType convert(String value) {
            try {
                return QueueType.parse(value);
            } catch (MensajeroException e) {
                throw new Errors.BadValue(e.text());
            }
        }
    }
}
