package io.mensajero.scenarios.console;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the console alone: declare a topic exchange on the exchanges page, bind a queue to it on
 * the exchange's page, publish a message with a routing key and a header, and a running
 * {@code mensajero receive} (a real process) prints it. A message nobody's binding matches is
 * reported as published but not routed.
 */
class PublishFromTheExchangePageReachesAReceiver {

    @EachBroker
    void declaredBoundPublishedReceived(BrokerUnderTest broker) {
        String exchange = Names.unique("console-x");
        String queue = Names.unique("console-rx");
        String body = "hola desde la consola " + queue;
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en");
             Participant receiver = Pages.receiver(broker, queue, "rx")) {
            browser.open(console.url(), "#/exchanges").login("guest", "guest");
            browser.type(By.id("exchange-name"), exchange);
            browser.choose(By.id("exchange-type"), "topic");
            browser.choose(By.id("exchange-durable"), "false");
            browser.click(By.cssSelector("#declare-exchange button[type=submit]"));
            browser.awaitText(By.cssSelector("#declare-exchange .form-msg"), "Exchange " + exchange + " declared.");
            assertThat(BrokerState.exchangeExists(broker, exchange)).isTrue();

            browser.go(Pages.exchange(exchange));
            browser.await("the exchange's page", () -> browser.text(By.cssSelector("#view h1")).contains(exchange));
            browser.choose(By.id("bind-type"), "q");
            browser.type(By.id("bind-other"), queue);
            browser.type(By.id("bind-key"), "greeting.*");
            browser.click(By.cssSelector("#bind-form button[type=submit]"));
            browser.await("the binding listed", () -> browser.text(By.id("bindings-source")).contains("greeting.*"));

            browser.type(By.cssSelector("#publish-form input[name=routing_key]"), "greeting.es");
            browser.find(By.cssSelector("#publish-form fieldset .kv-key")).sendKeys("lang");
            browser.find(By.cssSelector("#publish-form fieldset .kv-value")).sendKeys("es");
            browser.type(By.cssSelector("#publish-form textarea[name=payload]"), body);
            browser.click(By.cssSelector("#publish-form button[type=submit]"));
            browser.awaitText(By.cssSelector("#publish-form .form-msg"), "published and routed");
            ParticipantEvent received = receiver.awaitEvent("received", Pages.WAIT);
            assertThat(received.string("body")).isEqualTo(body);

            browser.type(By.cssSelector("#publish-form input[name=routing_key]"), "farewell.es");
            browser.click(By.cssSelector("#publish-form button[type=submit]"));
            browser.awaitText(By.cssSelector("#publish-form .form-msg"), "not routed");
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            BrokerState.deleteExchange(broker, exchange);
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
