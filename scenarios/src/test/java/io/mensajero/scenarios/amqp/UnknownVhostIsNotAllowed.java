package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** connection.open to a vhost that does not exist is answered with connection.close 530. */
class UnknownVhostIsNotAllowed {

    @EachBroker
    void connectionOpenIsRefused(BrokerUnderTest broker) {
        String vhost = Names.unique("no-such-vhost");
        ConnectionFactory factory = broker.connectionFactory();
        factory.setVirtualHost(vhost);
        IOException e = catchThrowableOfType(IOException.class, factory::newConnection);
        assertThat(e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(ShutdownSignalException.class);
        ShutdownSignalException signal = (ShutdownSignalException) e.getCause();
        assertThat(signal.isHardError()).isTrue();
        assertThat(Amqp.failureOf(signal)).isEqualTo(Failure.connection(AMQP.NOT_ALLOWED,
                "NOT_ALLOWED - vhost " + vhost + " not found", 10, 40));
    }
}
