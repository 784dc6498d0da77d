package io.mensajero.scenarios.ctl;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code stop_app}, {@code start_app}, {@code set_vm_memory_high_watermark} and
 * {@code set_disk_free_limit} act on the broker's node. RabbitMQ does that through its Erlang
 * node, not HTTP: there ctl says so in one line, exits 6 and leaves the broker alone. Mensajero's
 * broker has endpoints for them: stop_app closes AMQP and drops non-durable state, start_app opens
 * it again, a tiny watermark blocks publishers. This is the one place the brokers differ by design.
 */
class CtlNodeCommandsAreMensajeroOnly {
    private static final List<String> NODE_COMMANDS = List.of("stop_app", "start_app", "set_vm_memory_high_watermark",
            "set_disk_free_limit");

    @EachBroker
    void onRabbitMqTheyPointAtRabbitmqctl(BrokerUnderTest broker) {
        Ctl.management(broker);
        assumeTrue(broker.isRabbitMq(), "on Mensajero these commands act: the scenarios below show it");
        for (String command : NODE_COMMANDS) {
            String[] args = command.startsWith("set_vm") ? new String[]{command, "0.4"}
                    : command.startsWith("set_disk") ? new String[]{command, "50MB"} : new String[]{command};
            assertThat(Ctl.fails(broker, 6, args)).isEqualTo("mensajero: " + command + " works on Mensajero's broker "
                    + "only: RabbitMQ does it through its Erlang node, not its management API; run 'rabbitmqctl -n NODE "
                    + command + "' there");
        }
        assertThat(canConnect(broker)).as("RabbitMQ left alone").isTrue();
    }

    @EachBroker
    void onMensajeroStopAppClosesAmqpAndStartAppOpensIt(BrokerUnderTest broker) throws Exception {
        Ctl.management(broker);
        assumeFalse(broker.isRabbitMq(), "on RabbitMQ this needs its Erlang node (rabbitmqctl); see "
                + "onRabbitMqTheyPointAtRabbitmqctl");
        String transientQueue = Names.unique("ctl-transient");
        BrokerState.amqp(broker, channel -> channel.queueDeclare(transientQueue, false, false, false, null));
        Ctl.Result stopped = Ctl.ok(broker, "stop_app");
        assertThat(stopped.out()).startsWith("Stopping Mensajero application on node ");
        assertThat(canConnect(broker)).as("AMQP closed").isFalse();
        Ctl.ok(broker, "list_vhosts");
        Ctl.ok(broker, "start_app");
        await().atMost(Duration.ofSeconds(20)).until(() -> canConnect(broker));
        assertThat(BrokerState.messages(broker, transientQueue)).as("non-durable state dropped").isEqualTo(-1);
    }

    @EachBroker
    void onMensajeroATinyWatermarkBlocksPublishers(BrokerUnderTest broker) throws Exception {
        Ctl.management(broker);
        assumeFalse(broker.isRabbitMq(), "on RabbitMQ this needs its Erlang node (rabbitmqctl); see "
                + "onRabbitMqTheyPointAtRabbitmqctl");
        String queue = Names.unique("ctl-watermark");
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblocked = new CountDownLatch(1);
        try (Connection publisher = broker.newConnection()) {
            publisher.addBlockedListener(reason -> blocked.countDown(), unblocked::countDown);
            Channel channel = publisher.createChannel();
            channel.queueDeclare(queue, false, false, false, null);
            Ctl.ok(broker, "set_vm_memory_high_watermark", "absolute", "1");
            try {
                // the first message takes the memory over 1 byte (the alarm rises); as in RabbitMQ
                // 3.10, the next publish during the alarm blocks the connection
                channel.basicPublish("", queue, null, "over the watermark".getBytes(StandardCharsets.UTF_8));
                channel.basicPublish("", queue, null, "during the alarm".getBytes(StandardCharsets.UTF_8));
                assertThat(blocked.await(15, TimeUnit.SECONDS)).as("connection.blocked").isTrue();
            } finally {
                Ctl.ok(broker, "set_vm_memory_high_watermark", "0.4");
            }
            assertThat(unblocked.await(15, TimeUnit.SECONDS)).as("connection.unblocked").isTrue();
            channel.queueDelete(queue);
        }
        assertThat(Ctl.ok(broker, "set_disk_free_limit", "50MB").out()).contains("to 50MB bytes");
        assertThat(Ctl.ok(broker, "set_disk_free_limit", "mem_relative", "1.0").out()).contains("1.0 times the total RAM");
    }

    private static boolean canConnect(BrokerUnderTest broker) {
        try (Connection ignored = broker.newConnection()) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
