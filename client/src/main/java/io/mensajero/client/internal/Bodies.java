package io.mensajero.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Message bodies: templates with numbered placeholders, and the tutorial's dots as work time. */
public final class Bodies {
    private Bodies() {
    }

    /** Replaces {@code {n}} with the message's number (1-based). */
    public static String render(String template, long n) {
        return template.replace("{n}", Long.toString(n));
    }

    public static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The body as text; the course prints {@code body.decode()}, which is UTF-8. */
    public static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** As in RabbitMQ's work-queue tutorial: each '.' in the body is {@code perDot} of work. */
    public static Duration workTime(String body, Duration perDot) {
        long dots = body.chars().filter(c -> c == '.').count();
        return perDot.multipliedBy(dots);
    }
}
