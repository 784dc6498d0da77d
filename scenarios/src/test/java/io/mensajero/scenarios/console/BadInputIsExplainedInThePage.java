package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes get a clear message in the page, never a stack trace or a blank page: an argument
 * that is not a number is marked before anything is sent; a declaration the broker refuses
 * shows the broker's reason; a page of a queue that does not exist says so; and when the session
 * has expired, the next refresh goes back to the login with "Your session has expired".
 */
class BadInputIsExplainedInThePage {

    @EachBroker
    void invalidValuesRefusalsAndExpiredSessions(BrokerUnderTest broker) {
        String queue = Names.unique("console-bad");
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            browser.open(console.url(), "#/queues").login("guest", "guest");
            browser.type(By.id("queue-name"), queue);
            browser.choose(By.id("queue-durable"), "false");
            browser.find(By.cssSelector("#declare-queue .kv-key")).sendKeys("x-max-length");
            browser.find(By.cssSelector("#declare-queue .kv-value")).sendKeys("ten");
            browser.choose(By.cssSelector("#declare-queue .kv-type"), "number");
            browser.click(By.cssSelector("#declare-queue button[type=submit]"));
            browser.awaitText(By.cssSelector("#declare-queue .form-msg"), "Some values are not valid");
            assertThat(browser.text(By.cssSelector("#declare-queue .field-error"))).isEqualTo("x-max-length must be a number.");
            assertThat(browser.find(By.cssSelector("#declare-queue .kv-value")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(BrokerState.messages(broker, queue)).as("nothing declared").isEqualTo(-1);

            browser.find(By.cssSelector("#declare-queue .kv-value")).clear();
            browser.find(By.cssSelector("#declare-queue .kv-value")).sendKeys("10");
            browser.click(By.cssSelector("#declare-queue button[type=submit]"));
            browser.awaitText(By.cssSelector("#declare-queue .form-msg"), "Queue " + queue + " declared.");
            assertThat(BrokerState.messages(broker, queue)).isZero();

            // The same name again, durable this time: the broker refuses it, and says why.
            browser.type(By.id("queue-name"), queue);
            browser.choose(By.id("queue-durable"), "true");
            browser.click(By.cssSelector("#declare-queue button[type=submit]"));
            browser.awaitText(By.cssSelector("#declare-queue .form-msg"), "The broker refused it (400)");
            assertThat(browser.text(By.cssSelector("#declare-queue .form-msg"))).contains("durable");

            browser.go(Pages.queue(queue + "-missing"));
            browser.awaitText(By.cssSelector("#view .notice"), "does not exist");

            browser.go("#/queues");
            browser.await("the queues", () -> browser.visible(By.id("queues")));
            browser.script("const s = JSON.parse(sessionStorage.getItem('mensajero.console.session'));"
                    + "s.expiresAt = Date.now() - 1000; sessionStorage.setItem('mensajero.console.session', JSON.stringify(s));");
            browser.awaitText(By.id("login-message"), "Your session has expired. Log in again.");
            assertThat(browser.visible(By.id("nav"))).isFalse();
            assertThat(browser.pageText()).doesNotContain("Exception", "at io.", "undefined");
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
