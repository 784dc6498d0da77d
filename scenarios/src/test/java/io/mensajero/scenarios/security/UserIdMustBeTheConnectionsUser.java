package io.mensajero.scenarios.security;

import com.rabbitmq.client.AMQP;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message whose user_id property is not the connection's user is refused with 406
 * PRECONDITION_FAILED, unless the user has the impersonator tag. The user_id check comes before
 * the expiration check, as in RabbitMQ.
 */
class UserIdMustBeTheConnectionsUser {

    @EachBroker
    void otherUsersIdIsRefused(BrokerUnderTest broker) throws Exception {
        String queue = Names.unique("userid");
        try (TestUsers t = new TestUsers(ManagementApi.of(broker))) {
            String user = t.user("plain", "pw", "");
            t.permit(user, "/", ".*", ".*", ".*");
            try (Connection c = AsUser.connect(broker, user, "pw", "/")) {
                Channel ch = c.createChannel();
                ch.queueDeclare(queue, false, false, false, null);
                ch.confirmSelect();
                ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().userId(user).build(), bytes("own"));
                assertThat(ch.waitForConfirms(5_000)).isTrue();
                Channel bad = c.createChannel();
                Failure f = Amqp.failure(bad, () -> {
                    bad.confirmSelect();
                    bad.basicPublish("", queue, new AMQP.BasicProperties.Builder().userId("guest").expiration("soon")
                            .build(), bytes("theirs"));
                    bad.waitForConfirms(5_000);
                });
                assertThat(f).isEqualTo(Failure.channel(406, "PRECONDITION_FAILED - user_id property set to 'guest' "
                        + "but authenticated user was '" + user + "'", 60, 40));
            }
            assertThat(BrokerState.messages(broker, queue)).isEqualTo(1);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    @EachBroker
    void impersonatorMaySetAnyUserId(BrokerUnderTest broker) throws Exception {
        String queue = Names.unique("impersonated");
        try (TestUsers t = new TestUsers(ManagementApi.of(broker))) {
            String user = t.user("impersonator", "pw", "impersonator");
            t.permit(user, "/", ".*", ".*", ".*");
            try (Connection c = AsUser.connect(broker, user, "pw", "/")) {
                Channel ch = c.createChannel();
                ch.queueDeclare(queue, false, false, false, null);
                ch.confirmSelect();
                ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().userId("someone-else").build(), bytes("x"));
                assertThat(ch.waitForConfirms(5_000)).isTrue();
                assertThat(ch.basicGet(queue, true).getProps().getUserId()).isEqualTo("someone-else");
            }
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
