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
 * npm's amqplib (src/test/node/round-trip.js): it asserts a queue, publishes three messages with
 * properties and headers, consumes them with prefetch 1 and acks each; they arrive in order,
 * with their properties, and the queue is left empty with no consumer.
 */
class AmqplibMessagesRoundTrip {

    @EachBroker
    void assertPublishConsumeAck(BrokerUnderTest broker) {
        String queue = Names.unique("amqplib");
        try (ForeignProcess script = Foreign.node(broker, "round-trip.js", queue, "3")) {
            List<JsonNode> events = JsonLines.parse(script.succeed(WAIT));

            JsonNode declared = JsonLines.only(events, "declared");
            assertThat(declared.get("queue").asText()).isEqualTo(queue);
            assertThat(declared.get("messages").asInt()).isZero();
            assertThat(declared.get("consumers").asInt()).isZero();

            List<JsonNode> received = JsonLines.all(events, "received");
            assertThat(received).hasSize(3);
            for (int i = 1; i <= 3; i++) {
                JsonNode message = received.get(i - 1);
                assertThat(message.get("body").asText()).isEqualTo("message " + i + " ✓");
                assertThat(message.get("deliveryTag").asInt()).isEqualTo(i);
                assertThat(message.get("redelivered").asBoolean()).isFalse();
                assertThat(message.get("routingKey").asText()).isEqualTo(queue);
                assertThat(message.get("contentType").asText()).isEqualTo("text/plain");
                assertThat(message.get("correlationId").asText()).isEqualTo("c-" + i);
                assertThat(message.get("deliveryMode").asInt()).isEqualTo(i % 2 == 0 ? 2 : 1);
                assertThat(message.get("headers").get("x-index").asInt()).isEqualTo(i);
                assertThat(message.get("headers").get("x-tag").asText()).isEqualTo("amqplib");
            }
            assertThat(JsonLines.only(events, "consuming").get("consumerTag").asText()).startsWith("amq.ctag-");

            JsonNode checked = JsonLines.only(events, "checked");
            assertThat(checked.get("messages").asInt()).as("all acked").isZero();
            assertThat(checked.get("consumers").asInt()).as("cancelled").isZero();
            assertThat(JsonLines.only(events, "deleted").get("messages").asInt()).isZero();
            assertThat(BrokerState.messages(broker, queue)).as("deleted").isEqualTo(-1);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
