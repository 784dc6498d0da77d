package io.mensajero.scenarios.console;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Requirements;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a scenario finds the web console of a broker: Mensajero's broker serves it on its
 * management port; for RabbitMQ, {@code mensajero console --management-url} (a real process)
 * serves it and forwards the API calls to RabbitMQ's management plugin.
 */
final class ConsoleUnderTest implements AutoCloseable {
    /**
     * RabbitMQ's console, one {@code mensajero console} process for every scenario that just uses
     * it (it forwards each call with the browser's own credentials and keeps no state): stopped
     * when the test JVM ends.
     */
    private static final Map<URI, ConsoleUnderTest> SHARED = new HashMap<>();

    private final String url;
    private final Participant proxy;
    private final URI managementUri;
    private final boolean shared;

    private ConsoleUnderTest(String url, Participant proxy, URI managementUri, boolean shared) {
        this.url = url;
        this.proxy = proxy;
        this.managementUri = managementUri;
        this.shared = shared;
    }

    /**
     * The console as users of that broker reach it. On RabbitMQ, the shared
     * {@code mensajero console} process: a scenario that stops or kills it uses {@link #proxied}.
     */
    static ConsoleUnderTest of(BrokerUnderTest broker) {
        URI management = managementUri(broker);
        if (broker.isRabbitMq()) {
            synchronized (SHARED) {
                ConsoleUnderTest console = SHARED.get(management);
                if (console == null || !console.proxy.isAlive()) {
                    ConsoleUnderTest started = proxied(management);
                    console = new ConsoleUnderTest(started.url, started.proxy, management, true);
                    if (SHARED.isEmpty()) {
                        Runtime.getRuntime().addShutdownHook(new Thread(ConsoleUnderTest::closeShared, "console-proxy-stop"));
                    }
                    SHARED.put(management, console);
                }
                return console;
            }
        }
        return new ConsoleUnderTest(management.toString().replaceAll("/*$", "/"), null, management, false);
    }

    private static void closeShared() {
        synchronized (SHARED) {
            SHARED.values().forEach(console -> console.proxy.close());
            SHARED.clear();
        }
    }

    /** The console served by {@code mensajero console} for this broker's management API, whichever broker. */
    static ConsoleUnderTest proxied(BrokerUnderTest broker) {
        return proxied(managementUri(broker));
    }

    static ConsoleUnderTest proxied(URI management) {
        long start = System.nanoTime();
        Participant proxy = Participant.start("console", "--management-url", management.toString(), "--port", "0");
        try {
            ParticipantEvent ready = proxy.awaitEvent("ready", Pages.STARTUP);
            System.out.printf("[console] mensajero console ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return new ConsoleUnderTest(ready.string("url"), proxy, management, false);
        } catch (RuntimeException e) {
            proxy.close();
            throw new AssertionError("mensajero console did not start: " + proxy.describe(), e);
        }
    }

    static URI managementUri(BrokerUnderTest broker) {
        URI management = URI.create(broker.managementUri());
        if (!reachable(management)) {
            Requirements.unavailable("the management API of " + broker.name() + " is not reachable at " + management
                    + " (RabbitMQ: rabbitmq-plugins enable rabbitmq_management; or set RABBITMQ_MANAGEMENT_PORT)");
        }
        return management;
    }

    private static boolean reachable(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The console's address, ending in "/". */
    String url() {
        return url;
    }

    URI managementUri() {
        return managementUri;
    }

    /** The {@code mensajero console} process, when there is one (a scenario that stops it uses its own, {@link #proxied}). */
    Participant proxy() {
        return proxy;
    }

    @Override
    public void close() {
        if (proxy != null && !shared) {
            proxy.close();
        }
    }
}
