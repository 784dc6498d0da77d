package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.ExchangeType;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.Subscriber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** consumer-v3.py: an exclusive server-named queue bound to {@code business_events}. */
@Command(name = "subscribe", sortOptions = false,
        description = "Receive an exchange's events, like consumer-v3.py",
        footer = Main.EXIT_CODES)
final class SubscribeCommand extends ClientCommand {
    @Option(names = "--exchange", paramLabel = "EXCHANGE", description = "Exchange to declare and bind to (default: business_events).")
    String exchange = "business_events";

    @Option(names = "--type", paramLabel = "TYPE", converter = Converters.ExchangeTypeConverter.class,
            description = "Exchange type: fanout (default), direct, topic or headers.")
    ExchangeType type = ExchangeType.FANOUT;

    @Option(names = "--durable", description = "Declare the exchange durable (business_events is not).")
    boolean durable;

    @Option(names = "--binding-key", paramLabel = "KEY",
            description = "Bind with this key (repeatable; default: one binding with the empty key).")
    List<String> bindingKeys = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Match this header, for a headers exchange (repeatable).")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--match", paramLabel = "all|any", description = "x-match for --header bindings (default: all).")
    String match = "all";

    @Option(names = "--count", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Stop after N events (default: 0, no limit).")
    int count;

    @Option(names = "--idle-timeout", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Stop when nothing arrived for D (default: never).")
    Duration idleTimeout;

    @Override
    MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer) {
        Subscriber.Builder builder = Subscriber.builder().settings(settings).name(name).listener(printer)
                .exchange(exchange).type(type).durable(durable).match(match).count(count);
        bindingKeys.forEach(builder::bindingKey);
        headers.forEach(builder::header);
        if (idleTimeout != null) {
            builder.idleTimeout(idleTimeout);
        }
        return builder.build();
    }
}
