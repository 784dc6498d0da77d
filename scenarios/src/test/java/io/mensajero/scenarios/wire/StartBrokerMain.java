package io.mensajero.scenarios.wire;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.BrokerStartException;

import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for {@code mensajero broker --port N} until the cli module has that command, for
 * bench/broker-startup.sh ({@code --main io.mensajero.scenarios.wire.StartBrokerMain}): starts the
 * embedded broker on 127.0.0.1, prints one ready line, runs until SIGINT/SIGTERM. Not a test.
 */
public final class StartBrokerMain {
    private StartBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 5672;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: StartBrokerMain [--port N]");
                System.exit(2);
            }
        }
        Broker broker;
        try {
            broker = Broker.start(BrokerConfig.builder().port(port).build());
        } catch (BrokerStartException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("Mensajero broker ready on " + broker.address().getHostString() + ":" + broker.port());
        stopped.await();
    }
}
