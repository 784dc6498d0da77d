package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A wrong password or an unknown user is refused during the handshake. amqp-client advertises
 * {@code authentication_failure_close}, so the broker closes with 403 ACCESS_REFUSED and the
 * client raises {@link AuthenticationFailureException} carrying that reply text.
 */
class WrongCredentialsAreRefused {
    private static final String REFUSED =
            "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.";

    @EachBroker
    void wrongPassword(BrokerUnderTest broker) {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setPassword("not-the-password");
        AuthenticationFailureException e = catchThrowableOfType(AuthenticationFailureException.class, factory::newConnection);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(REFUSED);
    }

    @EachBroker
    void unknownUser(BrokerUnderTest broker) {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setUsername("no-such-user");
        AuthenticationFailureException e = catchThrowableOfType(AuthenticationFailureException.class, factory::newConnection);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(REFUSED);
    }
}
