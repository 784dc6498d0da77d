package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import org.openqa.selenium.By;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's login, as RabbitMQ's UI has it: a wrong password is refused in the page; guest
 * (an administrator) gets the overview with its totals and live charts, and the admin pages in
 * the navigation; the language switch turns the page into Spanish; logging out comes back to
 * the login.
 */
class LoginRefusesAWrongPasswordAndShowsTheOverview {

    @EachBroker
    void wrongPasswordIsRefusedThenGuestSeesTheOverview(BrokerUnderTest broker) {
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            browser.open(console.url(), "");
            browser.submitLogin("guest", "not-the-password");
            browser.awaitText(By.id("login-message"), "Login failed");
            assertThat(browser.visible(By.id("nav"))).isFalse();

            browser.login("guest", "guest");
            browser.await("the overview's totals", () -> browser.visible(By.cssSelector("[data-total='queues'] .value")));
            assertThat(browser.text(By.cssSelector("#view h1"))).isEqualTo("Overview");
            assertThat(browser.text(By.cssSelector("[data-total='exchanges'] .value"))).matches("[1-9][0-9,]*");
            browser.await("both charts drawn", () -> browser.all(By.cssSelector(".plot canvas")).size() == 2);
            browser.await("the rates said in words", () -> browser.text(By.cssSelector(".charts")).contains("Publish:"));
            assertThat(browser.visible(By.cssSelector("#nav a[href='#/users']"))).as("guest is an administrator").isTrue();
            browser.screenshot(Path.of("target", "console-overview-" + broker.name() + ".png"));

            browser.choose(By.id("lang-select"), "es");
            browser.awaitText(By.cssSelector("#view h1"), "Resumen");
            assertThat(browser.text(By.cssSelector("#nav a[href='#/queues']"))).isEqualTo("Colas");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("es");
            browser.choose(By.id("lang-select"), "en");
            browser.awaitText(By.cssSelector("#view h1"), "Overview");

            browser.click(By.id("logout"));
            browser.await("back at the login", () -> browser.visible(By.id("login-form")));
            assertThat(browser.scriptErrors()).isEmpty();
        }
    }
}
