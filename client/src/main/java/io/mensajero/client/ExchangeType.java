package io.mensajero.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four exchange types of AMQP 0-9-1 as RabbitMQ names them. */
public enum ExchangeType {
    FANOUT, DIRECT, TOPIC, HEADERS;

    /** The type name sent in exchange.declare: {@code fanout}, {@code direct}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a type name (case-insensitive); an unknown one is a usage error. */
    public static ExchangeType parse(String name) {
        for (ExchangeType type : values()) {
            if (type.wireName().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        throw MensajeroException.usage(Text.of("error.exchangeType", name,
                Arrays.stream(values()).map(ExchangeType::wireName).collect(Collectors.joining(", "))));
    }
}
