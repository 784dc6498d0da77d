package io.mensajero.scenarios.arguments;

import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * exchange.declare reads one argument, alternate-exchange, which must be a string (it may name
 * an exchange that does not exist yet); every other argument is kept and ignored. A redeclare
 * compares alternate-exchange only.
 */
class ExchangeArgumentsAreValidated {

    @EachBroker
    void anAlternateExchangeThatIsNotAStringIsRefused(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            for (Object[] c : new Object[][] {{5, "signedint"}, {null, "void"}, {true, "bool"}, {5L, "long"}}) {
                String x = f.exchangeName("x");
                Amqp.Failure failure = f.failure(ch -> ch.exchangeDeclare(x, "direct", false, false,
                        args("alternate-exchange", c[0])));
                assertThat(failure).isEqualTo(Amqp.Failure.channel(406, "PRECONDITION_FAILED - invalid type '" + c[1]
                        + "' for arg 'alternate-exchange' in exchange '" + x + "' in vhost '/'", 40, 10));
            }
        }
    }

    @EachBroker
    void otherArgumentsAndMissingAlternatesAreTaken(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String x = f.exchange("topic", args("alternate-exchange", "not-there-yet", "x-foo", 1, "x-delayed-type",
                    "direct"));
            f.channel.exchangeDeclare(x, "topic", false, false, args("alternate-exchange", "not-there-yet"));
            assertThat(f.failure(ch -> ch.exchangeDeclare(x, "topic", false, false, args("alternate-exchange", "other")))
                    .replyText()).isEqualTo("PRECONDITION_FAILED - inequivalent arg 'alternate-exchange' for exchange '"
                    + x + "' in vhost '/': received 'other' but current is 'not-there-yet'");
        }
    }
}
