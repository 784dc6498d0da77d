package io.mensajero.scenarios.console;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Move messages" on a queue's page takes messages off it and publishes them to another queue,
 * in order and with their properties and headers; to a queue that does not exist it moves
 * nothing and says so. "Purge" then empties the source.
 */
class MovedMessagesArriveInTheOtherQueue {

    @EachBroker
    void movedInOrderWithHeadersThenPurged(BrokerUnderTest broker) {
        String from = Names.unique("console-from");
        String to = Names.unique("console-to");
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            BrokerState.amqp(broker, channel -> {
                channel.queueDeclare(from, false, false, false, null);
                channel.queueDeclare(to, false, false, false, null);
                for (int i = 1; i <= 5; i++) {
                    channel.basicPublish("", from, new AMQP.BasicProperties.Builder().headers(Map.of("n", i))
                            .contentType("text/plain").build(), ("message " + i).getBytes(StandardCharsets.UTF_8));
                }
                return null;
            });
            browser.open(console.url(), Pages.queue(from)).login("guest", "guest");
            browser.await("five ready", () -> browser.text(By.id("queue-ready")).equals("5"));

            browser.type(By.id("move-destination"), to + "-missing");
            browser.type(By.id("move-count"), "3");
            browser.click(By.cssSelector("#move-form button[type=submit]"));
            browser.awaitText(By.cssSelector("#move-form .form-msg"), "nothing was moved");
            assertThat(BrokerState.messages(broker, from)).isEqualTo(5);

            browser.type(By.id("move-destination"), to);
            browser.click(By.cssSelector("#move-form button[type=submit]"));
            browser.awaitText(By.cssSelector("#move-form .form-msg"), "Moved 3 message(s) to " + to + ".");
            assertThat(BrokerState.messages(broker, from)).isEqualTo(2);
            assertThat(BrokerState.messages(broker, to)).isEqualTo(3);
            for (int i = 1; i <= 3; i++) {
                int n = i;
                GetResponse got = BrokerState.amqp(broker, channel -> channel.basicGet(to, true));
                assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("message " + n);
                // Through JSON, an int header comes back as a long (the API publishes integers as 64-bit).
                assertThat(((Number) got.getProps().getHeaders().get("n")).intValue()).isEqualTo(n);
                assertThat(got.getProps().getContentType()).isEqualTo("text/plain");
            }

            browser.clickAndConfirm(By.xpath("//button[text()='Purge messages']"));
            browser.awaitText(By.cssSelector("#view .buttons + .form-msg"), "purged");
            assertThat(BrokerState.messages(broker, from)).isZero();
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            BrokerState.deleteQueue(broker, from);
            BrokerState.deleteQueue(broker, to);
        }
    }
}
