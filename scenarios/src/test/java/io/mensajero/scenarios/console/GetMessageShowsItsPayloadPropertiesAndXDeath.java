package io.mensajero.scenarios.console;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Get messages" on a queue's page shows what is stuck: the payload (UTF-8 text as it is),
 * the properties, the headers and the dead-lettering history ({@code x-death}) as a table. In
 * requeue mode the message stays in the queue (and comes back redelivered); in ack mode it is
 * gone.
 */
class GetMessageShowsItsPayloadPropertiesAndXDeath {

    @EachBroker
    void requeueModeLooksAckModeTakes(BrokerUnderTest broker) {
        String queue = Names.unique("console-get");
        String payload = "{\"pedido\": 7, \"artículo\": \"café\"}";
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            BrokerState.amqp(broker, channel -> {
                channel.queueDeclare(queue, false, false, false, null);
                Map<String, Object> death = Map.of("queue", queue + ".work", "reason", "rejected", "count", 2L,
                        "exchange", "orders", "routing-keys", List.of("order.paid"), "time", new Date(1_700_000_000_000L));
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
                        .correlationId("corr-7").messageId("msg-7").deliveryMode(2)
                        .headers(Map.of("x-death", List.of(death), "tenant", "acme")).build();
                channel.basicPublish("", queue, props, payload.getBytes(StandardCharsets.UTF_8));
                return null;
            });
            browser.open(console.url(), Pages.queue(queue)).login("guest", "guest");
            browser.await("the message counted", () -> browser.text(By.id("queue-ready")).equals("1"));

            browser.choose(By.id("get-ackmode"), "ack_requeue_true");
            browser.click(By.cssSelector("#get-form button[type=submit]"));
            browser.await("the message shown", () -> browser.visible(By.cssSelector("#get-results article pre.payload")));
            assertThat(browser.text(By.cssSelector("#get-results pre.payload"))).isEqualTo(payload);
            String properties = browser.text(By.cssSelector("#get-results .message-properties"));
            assertThat(properties).contains("content_type application/json", "correlation_id corr-7", "message_id msg-7",
                    "delivery_mode 2");
            assertThat(browser.text(By.cssSelector("#get-results .message-headers"))).contains("tenant acme")
                    .doesNotContain("x-death");
            String deaths = browser.text(By.cssSelector("#get-results table.x-death tbody"));
            assertThat(deaths).contains(queue + ".work", "rejected", "2", "orders", "order.paid");
            assertThat(BrokerState.messages(broker, queue)).as("requeued, still there").isEqualTo(1);

            browser.choose(By.id("get-ackmode"), "ack_requeue_false");
            browser.click(By.cssSelector("#get-form button[type=submit]"));
            browser.await("the second get", () -> browser.text(By.cssSelector("#get-results article")).contains("Redelivered\nyes"));
            assertThat(BrokerState.messages(broker, queue)).as("acked, gone").isZero();

            browser.click(By.cssSelector("#get-form button[type=submit]"));
            browser.awaitText(By.cssSelector("#get-form .form-msg"), "The queue has no ready message.");
            assertThat(browser.all(By.cssSelector("#get-results article"))).isEmpty();
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
