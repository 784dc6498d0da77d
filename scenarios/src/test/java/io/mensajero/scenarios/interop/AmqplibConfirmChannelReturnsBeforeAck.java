package io.mensajero.scenarios.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Names;

import java.util.List;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * npm's amqplib on a confirm channel (src/test/node/confirm-publish.js): every mandatory publish
 * is acked, in publish order; the unroutable one comes back with basic.return 312 NO_ROUTE before
 * its ack (RabbitMQ's only ordering promise between the two); the queue holds the two routed
 * messages.
 */
class AmqplibConfirmChannelReturnsBeforeAck {

    @EachBroker
    void confirmChannelPublish(BrokerUnderTest broker) {
        String queue = Names.unique("amqplib-confirm");
        String nowhere = Names.unique("nowhere");
        try (ForeignProcess script = Foreign.node(broker, "confirm-publish.js", queue, nowhere)) {
            List<String> lines = script.succeed(WAIT);
            String returned = "{\"event\":\"returned\",\"body\":\"lost\",\"replyCode\":312,"
                    + "\"replyText\":\"NO_ROUTE\",\"routingKey\":\"" + nowhere + "\"}";
            String lostAcked = "{\"event\":\"acked\",\"body\":\"lost\"}";
            assertThat(lines).as("%s", script).containsOnlyOnce(returned);
            // The return may come before or after the first message's ack, never after its own.
            assertThat(lines.indexOf(returned)).as("return before its ack: %s", lines)
                    .isLessThan(lines.indexOf(lostAcked));
            assertThat(lines.stream().filter(line -> !line.equals(returned))).as("%s", script).containsExactly(
                    "{\"event\":\"acked\",\"body\":\"first\"}",
                    lostAcked,
                    "{\"event\":\"acked\",\"body\":\"second\"}",
                    "{\"event\":\"confirmed\"}",
                    "{\"event\":\"queue\",\"bodies\":[\"first\",\"second\"]}");
            assertThat(JsonLines.parse(lines)).hasSize(6);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
