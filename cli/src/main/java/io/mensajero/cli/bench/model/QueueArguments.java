package io.mensajero.cli.bench.model;

import io.mensajero.cli.Errors;
import io.mensajero.client.MensajeroException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code --queue-args x-max-length=10,x-queue-type=classic}: key=value pairs separated by commas,
 * as PerfTest takes them. Whole numbers become longs and {@code true}/{@code false} booleans (what
 * RabbitMQ expects for {@code x-max-length}, {@code x-message-ttl}, {@code x-single-active-consumer});
 * anything else stays a string.
 */
public final class QueueArguments {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private QueueArguments() {
    }

    /**
     * Parses the pairs; {@code null} or blank gives no arguments.
     *
     * @throws MensajeroException (usage) naming the malformed pair
     */
    public static Map<String, Object> parse(String text) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return args;
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (eq < 0 || key.isEmpty()) {
                throw Errors.usage("cmd.error.bench.queueArgs.pairs", text, pair);
            }
            if (args.containsKey(key)) {
                throw Errors.usage("cmd.error.bench.queueArgs.twice", text, key);
            }
            args.put(key, value(pair.substring(eq + 1).trim()));
        }
        return args;
    }

    static Object value(String text) {
        if (WHOLE_NUMBER.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
