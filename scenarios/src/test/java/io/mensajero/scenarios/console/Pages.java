package io.mensajero.scenarios.console;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerUnderTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the console scenarios share: routes to pages, and the tools they run beside the browser. */
final class Pages {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** A new JVM on this shared, loaded machine can take longer than {@link #WAIT} to start. */
    static final Duration STARTUP = Duration.ofSeconds(120);

    private Pages() {
    }

    /** The route of a queue's page, e.g. "#/queues/%2F/orders". */
    static String queue(String name) {
        return "#/queues/%2F/" + segment(name);
    }

    static String exchange(String name) {
        return "#/exchanges/%2F/" + segment(name);
    }

    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Starts {@code mensajero <args> --uri <broker> --json} as its own process. */
    static Participant tool(BrokerUnderTest broker, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--uri");
        all.add(broker.uri());
        return Participant.start(all);
    }

    /** Starts a receiver on the queue and waits until it consumes. */
    static Participant receiver(BrokerUnderTest broker, String queue, String name) {
        Participant receiver = tool(broker, "receive", "--queue", queue, "--name", name);
        receiver.awaitEvent("consuming", STARTUP);
        return receiver;
    }
}
