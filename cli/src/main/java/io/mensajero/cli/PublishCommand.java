package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.ExchangeType;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** producer-v3.py: publish to the {@code business_events} fanout exchange. */
@Command(name = "publish", sortOptions = false,
        description = "Publish events to an exchange, like producer-v3.py",
        footer = Main.EXIT_CODES)
final class PublishCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MESSAGE",
            description = "The body (default: BUYER_ARRIVED_ID). {n} becomes the message's number.")
    String message;

    @Option(names = "--exchange", paramLabel = "EXCHANGE", description = "Exchange to declare and publish to (default: business_events).")
    String exchange = "business_events";

    @Option(names = "--type", paramLabel = "TYPE", converter = Converters.ExchangeTypeConverter.class,
            description = "Exchange type: fanout (default), direct, topic or headers.")
    ExchangeType type = ExchangeType.FANOUT;

    @Option(names = "--durable", description = "Declare the exchange durable (business_events is not).")
    boolean durable;

    @Option(names = "--routing-key", paramLabel = "KEY", description = "Routing key (default: empty).")
    String routingKey = "";

    @Option(names = "--header", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "A message header, for a headers exchange (repeatable).")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--count", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "How many events to publish (default: 1).")
    int count = 1;

    @Option(names = "--rate", paramLabel = "R", converter = Converters.RateConverter.class,
            description = "Events per second (default: as fast as the broker confirms).")
    Double rate;

    @Override
    MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer) {
        Publisher.Builder builder = Publisher.builder().settings(settings).name(name).listener(printer)
                .exchange(exchange).type(type).durable(durable).routingKey(routingKey).count(count);
        headers.forEach(builder::header);
        if (message != null) {
            builder.body(message);
        }
        if (rate != null) {
            builder.rate(rate);
        }
        return builder.build();
    }
}
