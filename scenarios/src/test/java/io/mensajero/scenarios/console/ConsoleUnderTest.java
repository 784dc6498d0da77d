package io.mensajero.scenarios.console;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Requirements;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Where a scenario finds the web console of a broker: Mensajero's broker serves it on its
 * management port; for RabbitMQ, {@code mensajero console --management-url} (a real process)
 * serves it and forwards the API calls to RabbitMQ's management plugin.
 */
final class ConsoleUnderTest implements AutoCloseable {
    private final String url;
    private final Participant proxy;
    private final URI managementUri;

    private ConsoleUnderTest(String url, Participant proxy, URI managementUri) {
        this.url = url;
        this.proxy = proxy;
        this.managementUri = managementUri;
    }

    /** The console as users of that broker reach it. */
    static ConsoleUnderTest of(BrokerUnderTest broker) {
        URI management = managementUri(broker);
        if (broker.isRabbitMq()) {
            return proxied(management);
        }
        return new ConsoleUnderTest(management.toString().replaceAll("/*$", "/"), null, management);
    }

    /** The console served by {@code mensajero console} for this broker's management API, whichever broker. */
    static ConsoleUnderTest proxied(BrokerUnderTest broker) {
        return proxied(managementUri(broker));
    }

    static ConsoleUnderTest proxied(URI management) {
        Participant proxy = Participant.start("console", "--management-url", management.toString(), "--port", "0");
        try {
            ParticipantEvent ready = proxy.awaitEvent("ready", Pages.STARTUP);
            return new ConsoleUnderTest(ready.string("url"), proxy, management);
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

    /** The {@code mensajero console} process, when there is one. */
    Participant proxy() {
        return proxy;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
