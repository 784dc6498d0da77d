package io.mensajero.broker.internal.management;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A binding's {@code properties_key}, which names it in {@code /api/bindings/.../{props}}: the
 * routing key, quoted as RabbitMQ quotes it (letters, digits, {@code . - _} kept, space as
 * {@code +}, the rest {@code %XX}), then, if the binding has arguments, {@code ~} and a short
 * hash of them. RabbitMQ hashes with Erlang's phash2, which this does not reproduce: keys are
 * stable within Mensajero but differ from RabbitMQ's for bindings with arguments.
 */
final class PropertiesKey {
    private PropertiesKey() {
    }

    static String of(String routingKey, Map<String, Object> arguments) {
        String quoted = quote(routingKey);
        if (arguments == null || arguments.isEmpty()) {
            return quoted.isEmpty() ? "~" : quoted;
        }
        return quoted + "~" + hash(arguments);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static String hash(Map<String, Object> arguments) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.valueOf(new TreeMap<>(Json.table(arguments))).getBytes(StandardCharsets.UTF_8));
            byte[] d = md.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {d[0], d[1], d[2], d[3]});
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
