package io.mensajero.scenarios.support;

import java.util.concurrent.ThreadLocalRandom;

/** Unique queue and exchange names, so scenarios never meet each other on a shared RabbitMQ. */
public final class Names {
    private Names() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }
}
