package io.mensajero.scenarios.support;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The RabbitMQ broker at {@code $RABBITMQ_HOST:$RABBITMQ_PORT} (default localhost:5672).
 * It is shared, so scenarios use unique names ({@link Names}) and clean up after themselves.
 */
final class RabbitMqResource implements BrokerResource {
    static final String HOST = env("RABBITMQ_HOST", "localhost");
    static final int PORT = Integer.parseInt(env("RABBITMQ_PORT", "5672"));

    private static Boolean reachable;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isReachable()) {
            Requirements.unavailable("RabbitMQ is not reachable at " + HOST + ":" + PORT
                    + " (start it with rabbitmq-server -detached, or set RABBITMQ_HOST/RABBITMQ_PORT)");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
    }

    static synchronized boolean isReachable() {
        if (reachable == null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
                reachable = true;
            } catch (IOException e) {
                reachable = false;
            }
        }
        return reachable;
    }

    @Override
    public BrokerUnderTest broker() {
        return new BrokerUnderTest() {
            @Override
            public String name() {
                return "rabbitmq";
            }

            @Override
            public String host() {
                return HOST;
            }

            @Override
            public int port() {
                return PORT;
            }
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
