package io.mensajero.scenarios.security;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic permissions on a topic exchange: a routing key published must match the write expression
 * (where {username} is the user's name), one bound must match the read expression; refusals are
 * 403 "access to topic 'k' in exchange 'x' in vhost '/' refused for user 'u'".
 */
class TopicPermissionsLimitRoutingKeys {

    @EachBroker
    void routingKeysAreChecked(BrokerUnderTest broker) throws Exception {
        String exchange = Names.unique("topics");
        String queue = Names.unique("topic-q");
        BrokerState.amqp(broker, ch -> {
            ch.exchangeDeclare(exchange, "topic");
            return ch.queueDeclare(queue, false, false, false, null);
        });
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("topical", "pw", "");
            t.permit(user, "/", ".*", ".*", ".*");
            assertThat(api.put("/api/topic-permissions/%2F/" + ManagementApi.enc(user),
                    Map.of("exchange", exchange, "write", "^{username}\\.", "read", "^news\\.")).status()).isEqualTo(201);
            try (Connection c = AsUser.connect(broker, user, "pw", "/")) {
                Channel ch = c.createChannel();
                ch.confirmSelect();
                ch.basicPublish(exchange, user + ".hello", null, "ok".getBytes(StandardCharsets.UTF_8));
                assertThat(ch.waitForConfirms(5_000)).isTrue();
                ch.queueBind(queue, exchange, "news.#");
                Channel writer = c.createChannel();
                assertThat(Amqp.failure(writer, () -> {
                    writer.confirmSelect();
                    writer.basicPublish(exchange, "other.hello", null, "no".getBytes(StandardCharsets.UTF_8));
                    writer.waitForConfirms(5_000);
                })).isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to topic 'other.hello' in exchange '"
                        + exchange + "' in vhost '/' refused for user '" + user + "'", 60, 40));
                Channel binder = c.createChannel();
                assertThat(Amqp.failure(binder, () -> binder.queueBind(queue, exchange, "sport.#")))
                        .isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to topic 'sport.#' in exchange '"
                                + exchange + "' in vhost '/' refused for user '" + user + "'", 50, 20));
            }
        } finally {
            BrokerState.deleteQueue(broker, queue);
            BrokerState.deleteExchange(broker, exchange);
        }
    }
}
