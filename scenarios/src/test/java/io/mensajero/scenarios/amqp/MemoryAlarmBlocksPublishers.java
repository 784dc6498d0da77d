package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Requirements;
import org.junit.jupiter.api.Disabled;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When memory use passes the high watermark, a publishing connection gets connection.blocked
 * with reason "low on memory", and connection.unblocked when the alarm clears.
 *
 * <p>On RabbitMQ this needs {@code rabbitmqctl set_vm_memory_high_watermark}, a global setting
 * that would block every other client of the shared broker, so it is disabled; run it alone,
 * against a RabbitMQ nobody else uses. On Mensajero it needs an embedded broker started with a
 * tiny {@code memoryHighWatermarkBytes}, which the harness does not provide yet.
 */
@Disabled("changes RabbitMQ's global vm_memory_high_watermark, which blocks every other client of the shared broker")
class MemoryAlarmBlocksPublishers {

    @EachBroker
    void blockedThenUnblocked(BrokerUnderTest broker) throws Exception {
        if (!broker.isRabbitMq()) {
            Requirements.unavailable("needs an embedded broker with a tiny memoryHighWatermarkBytes");
        }
        Requirements.command("rabbitmqctl", "run on the RabbitMQ host");
        try (Session s = Session.open(broker)) {
            Connection c = s.connection;
            CompletableFuture<String> blocked = new CompletableFuture<>();
            CompletableFuture<Void> unblocked = new CompletableFuture<>();
            c.addBlockedListener(new BlockedListener() {
                @Override
                public void handleBlocked(String reason) {
                    blocked.complete(reason);
                }

                @Override
                public void handleUnblocked() {
                    unblocked.complete(null);
                }
            });
            String q = s.queue();
            try {
                rabbitmqctl("set_vm_memory_high_watermark", "0.0000001");
                s.channel.basicPublish("", q, null, Amqp.bytes("m"));
                assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo("low on memory");
            } finally {
                rabbitmqctl("set_vm_memory_high_watermark", "0.4");
            }
            unblocked.get(10, TimeUnit.SECONDS);
        }
    }

    private static void rabbitmqctl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "rabbitmqctl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }
}
