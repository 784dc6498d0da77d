package io.mensajero.scenarios.security;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.TestUsers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user with read permission only (configure "", write "", read ".*") consumes and gets from a
 * queue someone else declared, but a publish closes its channel with 403 ACCESS_REFUSED, also to
 * the default exchange (which permissions name amq.default), and so does declaring a queue.
 */
class ReadOnlyUserCanConsumeButNotPublish {

    @EachBroker
    void consumesButCannotPublish(BrokerUnderTest broker) throws Exception {
        String queue = Names.unique("readonly");
        BrokerState.amqp(broker, ch -> ch.queueDeclare(queue, false, false, false, null));
        try (TestUsers t = new TestUsers(ManagementApi.of(broker))) {
            String user = t.user("reader", "pw", "");
            t.permit(user, "/", "", "", ".*");
            assertThat(BrokerState.publish(broker, "", queue, "one", Duration.ofSeconds(5))).isTrue();
            assertThat(BrokerState.publish(broker, "", queue, "two", Duration.ofSeconds(5))).isTrue();
            try (Connection c = AsUser.connect(broker, user, "pw", "/")) {
                Channel ch = c.createChannel();
                GetResponse got = ch.basicGet(queue, true);
                assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("one");
                BlockingQueue<String> delivered = new ArrayBlockingQueue<>(1);
                ch.basicConsume(queue, true, (tag, d) -> delivered.add(new String(d.getBody(), StandardCharsets.UTF_8)),
                        tag -> { });
                assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo("two");

                Channel publisher = c.createChannel();
                Failure refused = Amqp.failure(publisher, () -> {
                    publisher.confirmSelect();
                    publisher.basicPublish("", queue, null, "three".getBytes(StandardCharsets.UTF_8));
                    publisher.waitForConfirms(5_000);
                });
                assertThat(refused).isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to exchange 'amq.default' "
                        + "in vhost '/' refused for user '" + user + "'", 60, 40));

                Channel direct = c.createChannel();
                Failure toAmqDirect = Amqp.failure(direct, () -> {
                    direct.confirmSelect();
                    direct.basicPublish("amq.direct", queue, null, "four".getBytes(StandardCharsets.UTF_8));
                    direct.waitForConfirms(5_000);
                });
                assertThat(toAmqDirect).isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to exchange 'amq.direct' "
                        + "in vhost '/' refused for user '" + user + "'", 60, 40));

                Channel declarer = c.createChannel();
                Failure declare = Amqp.failure(declarer, () -> declarer.queueDeclare(queue + "-mine", false, false, false, null));
                assertThat(declare).isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to queue '" + queue
                        + "-mine' in vhost '/' refused for user '" + user + "'", 50, 10));
            }
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
