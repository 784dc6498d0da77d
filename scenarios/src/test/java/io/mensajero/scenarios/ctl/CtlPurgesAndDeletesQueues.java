package io.mensajero.scenarios.ctl;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code purge_queue} empties a queue and {@code delete_queue} removes it; with {@code --if-empty}
 * the broker refuses while messages are ready. The broker's own answers (queue.declare-ok) show it.
 */
class CtlPurgesAndDeletesQueues {

    @EachBroker
    void purgeThenDelete(BrokerUnderTest broker) throws Exception {
        try (ScratchVhost scratch = ScratchVhost.create(broker); Connection connection = scratch.connect()) {
            String v = scratch.name();
            Channel channel = connection.createChannel();
            channel.queueDeclare("backlog", true, false, false, null);
            publish(channel, "backlog", 3);

            Ctl.Result purged = Ctl.ok(broker, "purge_queue", "-p", v, "backlog");
            assertThat(purged.out()).isEqualTo("Purging queue 'backlog' in vhost '" + v + "' ...\n");
            assertThat(depth(scratch, "backlog")).isZero();

            publish(channel, "backlog", 1);
            String refused = Ctl.fails(broker, 6, "delete_queue", "-p", v, "backlog", "--if-empty");
            assertThat(refused).startsWith("mensajero: the broker refused to delete queue 'backlog' in vhost '" + v
                    + "': 400");
            assertThat(depth(scratch, "backlog")).isEqualTo(1);

            Ctl.Result deleted = Ctl.ok(broker, "delete_queue", "-p", v, "backlog");
            assertThat(deleted.out()).matches("Deleting queue 'backlog' on vhost '" + v + "' \\.\\.\\.\n"
                    + "Queue was successfully deleted with \\d+ ready messages\n");
            assertThat(depth(scratch, "backlog")).as("gone").isEqualTo(-1);

            channel.queueDeclare("empty", false, false, false, null);
            assertThat(Ctl.ok(broker, "purge_queue", "-p", v, "empty", "--formatter", "json").out())
                    .isEqualTo("{\"result\":\"ok\"}\n");
            assertThat(Ctl.ok(broker, "delete_queue", "-p", v, "empty", "--if-empty", "--if-unused", "--json").out())
                    .isEqualTo("{\"result\":\"ok\",\"message\":\"Queue was successfully deleted with 0 ready messages\"}\n");
            assertThat(depth(scratch, "empty")).isEqualTo(-1);

            assertThat(Ctl.fails(broker, 6, "purge_queue", "-p", v, "empty"))
                    .isEqualTo("mensajero: queue 'empty' in vhost '" + v + "' not found");
        }
    }

    private static void publish(Channel channel, String queue, int count) throws Exception {
        channel.confirmSelect();
        for (int i = 0; i < count; i++) {
            channel.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        channel.waitForConfirmsOrDie(10_000);
    }

    /** Messages ready, as the broker answers a passive declare; -1 when the queue does not exist. */
    private static int depth(ScratchVhost scratch, String queue) throws Exception {
        try (Connection connection = scratch.connect(); Channel channel = connection.createChannel()) {
            AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
            return ok.getMessageCount();
        } catch (IOException e) {
            return -1;
        }
    }
}
