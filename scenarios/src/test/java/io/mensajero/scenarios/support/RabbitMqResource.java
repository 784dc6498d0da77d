package io.mensajero.scenarios.support;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The RabbitMQ broker at {@code $RABBITMQ_HOST:$RABBITMQ_PORT} (default localhost:5672), whose
 * node rabbitmqctl reaches as {@code $RABBITMQ_NODE} (default: rabbitmqctl's own default;
 * {@code bench/rabbitmq-node} starts a private node and prints these variables).
 * It is shared, so scenarios use unique names ({@link Names}) and clean up after themselves.
 */
final class RabbitMqResource implements BrokerResource {
    static final String HOST = env("RABBITMQ_HOST", "localhost");
    static final int PORT = Integer.parseInt(env("RABBITMQ_PORT", "5672"));
    /** The node rabbitmqctl acts on ({@code -n}); empty for rabbitmqctl's default node. */
    static final String NODE = env("RABBITMQ_NODE", "");
    /** The management plugin's port. */
    static final int MANAGEMENT_PORT = Integer.parseInt(env("RABBITMQ_MANAGEMENT_PORT", "15672"));

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

            @Override
            public String managementUri() {
                return "http://" + HOST + ":" + MANAGEMENT_PORT;
            }

            @Override
            public void raiseMemoryAlarm() {
                rabbitmqctl("set_vm_memory_high_watermark", "0.000001");
            }

            @Override
            public void clearMemoryAlarm() {
                rabbitmqctl("set_vm_memory_high_watermark", "0.4");
            }

            @Override
            public void raiseDiskAlarm() {
                rabbitmqctl("set_disk_free_limit", "1000000000000000000");
            }

            @Override
            public void clearDiskAlarm() {
                rabbitmqctl("set_disk_free_limit", "50MB");
            }

            @Override
            public void restart() {
                rabbitmqctl(RESTART_SECONDS, "stop_app");
                rabbitmqctl(RESTART_SECONDS, "start_app");
                rabbitmqctl(RESTART_SECONDS, "await_startup");
            }
        };
    }

    /** How long stopping or starting the RabbitMQ application may take on a loaded machine. */
    private static final long RESTART_SECONDS = 180;

    /** Runs rabbitmqctl on this machine (the RabbitMQ under test must be local for this). */
    static void rabbitmqctl(String... args) {
        rabbitmqctl(20, args);
    }

    private static void rabbitmqctl(long seconds, String... args) {
        Requirements.command("rabbitmqctl", "apt-get install -y rabbitmq-server");
        int prefix = NODE.isEmpty() ? 1 : 3;
        String[] command = new String[args.length + prefix];
        command[0] = "rabbitmqctl";
        if (!NODE.isEmpty()) {
            command[1] = "-n";
            command[2] = NODE;
        }
        System.arraycopy(args, 0, command, prefix, args.length);
        if (!Requirements.succeeds(seconds, command)) {
            throw new AssertionError("rabbitmqctl " + String.join(" ", args) + " failed");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
