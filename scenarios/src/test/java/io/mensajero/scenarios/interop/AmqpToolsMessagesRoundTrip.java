package io.mensajero.scenarios.interop;

import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;

import static io.mensajero.scenarios.interop.Foreign.amqpTool;
import static io.mensajero.scenarios.interop.Foreign.succeed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's amqp-tools (librabbitmq): amqp-declare-queue, amqp-publish with properties and a
 * header, amqp-consume piping each body to a command and acking it when the command succeeds
 * (a failing command leaves the message for the next consumer), and amqp-delete-queue, which
 * prints the count of the messages it deleted.
 */
class AmqpToolsMessagesRoundTrip {

    @EachBroker
    void declarePublishConsumeDelete(BrokerUnderTest broker) {
        String queue = Names.unique("amqp-tools");
        try {
            assertThat(succeed(amqpTool(broker, "amqp-declare-queue", "--queue", queue))).containsExactly(queue);
            succeed(amqpTool(broker, "amqp-publish", "--routing-key", queue, "--body", "first ✓",
                    "--persistent", "--content-type", "text/plain", "--header", "x-origin: amqp-tools"));
            succeed(amqpTool(broker, "amqp-publish", "--routing-key", queue, "--body", "second"));
            assertThat(BrokerState.messages(broker, queue)).isEqualTo(2);

            // What amqp-publish put on the wire, as amqp-client reads it (peeking requeues it).
            GetResponse first = BrokerState.peek(broker, queue);
            assertThat(new String(first.getBody(), StandardCharsets.UTF_8)).isEqualTo("first ✓");
            assertThat(first.getProps().getDeliveryMode()).isEqualTo(2);
            assertThat(first.getProps().getContentType()).isEqualTo("text/plain");
            assertThat(first.getProps().getHeaders()).containsKey("x-origin");
            assertThat(first.getProps().getHeaders().get("x-origin").toString()).isEqualTo("amqp-tools");

            assertThat(succeed(amqpTool(broker, "amqp-consume", "--queue", queue, "--count", "1", "cat")))
                    .containsExactly("first ✓");
            assertThat(BrokerState.messages(broker, queue)).as("first acked").isEqualTo(1);

            // The command fails: the message is not acked and stays for the next consumer.
            assertThat(succeed(amqpTool(broker, "amqp-consume", "--queue", queue, "--count", "1",
                    "--", "sh", "-c", "cat; exit 3"))).containsExactly("second");
            assertThat(BrokerState.messages(broker, queue)).as("not acked: requeued").isEqualTo(1);
            GetResponse again = BrokerState.peek(broker, queue);
            assertThat(new String(again.getBody(), StandardCharsets.UTF_8)).isEqualTo("second");
            assertThat(again.getEnvelope().isRedeliver()).isTrue();

            assertThat(succeed(amqpTool(broker, "amqp-consume", "--queue", queue, "--count", "1", "cat")))
                    .containsExactly("second");
            assertThat(succeed(amqpTool(broker, "amqp-delete-queue", "--queue", queue))).containsExactly("0");
            assertThat(BrokerState.messages(broker, queue)).as("deleted").isEqualTo(-1);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
