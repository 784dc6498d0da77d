package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the management API cannot be reached the page says so, and keeps what it showed: at
 * login (through {@code mensajero console} pointed at a port where nothing listens) the login
 * form explains it; while logged in, when the console's server goes away (its process killed),
 * a banner says the broker cannot be reached and the console keeps trying.
 */
class BrokerThatWentAwayIsShownInThePage {

    @EachBroker
    void unreachableAtLoginAndWhileWatching(BrokerUnderTest broker) throws IOException {
        ConsoleUnderTest.managementUri(broker);
        int nothing;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothing = socket.getLocalPort();
        }
        try (ConsoleUnderTest dead = ConsoleUnderTest.proxied(URI.create("http://127.0.0.1:" + nothing));
             Browser browser = Browser.start("es")) {
            browser.open(dead.url(), "").submitLogin("guest", "guest");
            browser.awaitText(By.id("login-message"), "No se puede contactar la API de gestión del broker");
            assertThat(browser.text(By.id("login-message"))).contains("127.0.0.1:" + nothing);
            assertThat(browser.scriptErrors()).isEmpty();
        }

        try (ConsoleUnderTest console = ConsoleUnderTest.proxied(broker); Browser browser = Browser.start("en")) {
            browser.open(console.url(), "#/queues").login("guest", "guest");
            browser.await("the queues", () -> browser.visible(By.id("queues")));
            assertThat(browser.visible(By.id("banner"))).isFalse();
            console.proxy().kill();
            browser.awaitText(By.id("banner"), "Cannot reach the broker's management API");
            assertThat(browser.text(By.id("banner"))).contains("keeps trying every 5 s");
            assertThat(browser.visible(By.id("queues"))).as("what it showed stays").isTrue();
            assertThat(browser.visible(By.id("nav"))).as("still logged in").isTrue();
        }
    }
}
