package io.mensajero.scenarios.security;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.TestUsers;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A user may open connections only to the vhosts it has permissions in (any permissions, even
 * empty ones). Elsewhere connection.open is answered with connection.close 530 NOT_ALLOWED
 * "access to vhost 'v' refused for user 'u'": RabbitMQ's code and text (the issue said 403;
 * RabbitMQ answers 530).
 */
class UserWithoutPermissionsIsRefusedAtConnectionOpen {

    @EachBroker
    void refusedWith530(BrokerUnderTest broker) {
        try (TestUsers t = new TestUsers(ManagementApi.of(broker))) {
            String user = t.user("noperm", "pw", "");
            IOException e = catchThrowableOfType(IOException.class,
                    () -> AsUser.connect(broker, user, "pw", "/"));
            assertThat(e).isNotNull();
            assertThat(e.getCause()).isInstanceOf(ShutdownSignalException.class);
            assertThat(Amqp.failureOf((ShutdownSignalException) e.getCause())).isEqualTo(Failure.connection(530,
                    "NOT_ALLOWED - access to vhost '/' refused for user '" + user + "'", 10, 40));
        }
    }

    @EachBroker
    void permissionsInOneVhostOpenThatVhostOnly(BrokerUnderTest broker) throws Exception {
        try (TestUsers t = new TestUsers(ManagementApi.of(broker))) {
            String user = t.user("onevhost", "pw", "");
            String vhost = t.vhost("own");
            t.permit(user, vhost, "", "", "");
            try (Connection c = AsUser.connect(broker, user, "pw", vhost)) {
                assertThat(c.isOpen()).isTrue();
            }
            IOException e = catchThrowableOfType(IOException.class, () -> AsUser.connect(broker, user, "pw", "/"));
            assertThat(Amqp.failureOf((ShutdownSignalException) e.getCause()).replyCode()).isEqualTo(530);
        }
    }
}
