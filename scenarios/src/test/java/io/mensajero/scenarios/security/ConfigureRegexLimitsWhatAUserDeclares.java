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

import static org.assertj.core.api.Assertions.assertThat;

/** With configure {@code ^app\.}, a user declares {@code app.q} but not {@code other.q} (403). */
class ConfigureRegexLimitsWhatAUserDeclares {

    @EachBroker
    void appQueuesOnly(BrokerUnderTest broker) throws Exception {
        String suffix = Names.unique("");
        String app = "app.q" + suffix;
        String other = "other.q" + suffix;
        try (TestUsers t = new TestUsers(ManagementApi.of(broker))) {
            String user = t.user("app", "pw", "");
            t.permit(user, "/", "^app\\.", ".*", ".*");
            try (Connection c = AsUser.connect(broker, user, "pw", "/")) {
                Channel ch = c.createChannel();
                assertThat(ch.queueDeclare(app, false, false, false, null).getQueue()).isEqualTo(app);
                Channel second = c.createChannel();
                assertThat(Amqp.failure(second, () -> second.queueDeclare(other, false, false, false, null)))
                        .isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to queue '" + other
                                + "' in vhost '/' refused for user '" + user + "'", 50, 10));
            }
            assertThat(BrokerState.messages(broker, other)).isEqualTo(-1);
        } finally {
            BrokerState.deleteQueue(broker, app);
        }
    }
}
