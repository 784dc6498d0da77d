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
 * A stray connection is closed from the console with a reason: the connections list shows the
 * name the client gave it ({@code mensajero <name>}), its page shows the client's properties,
 * and "Force close" makes the broker close it with 320 CONNECTION_FORCED and that reason,
 * which the client (a real {@code mensajero receive}) reports before it exits.
 */
class ClosingAConnectionIsReportedByItsClient {

    @EachBroker
    void clientReportsTheForcedCloseWithTheReason(BrokerUnderTest broker) {
        String queue = Names.unique("console-close");
        String name = Names.unique("stray");
        String reason = "closed by the console scenario " + name;
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en");
             Participant receiver = Pages.receiver(broker, queue, name)) {
            browser.open(console.url(), "#/connections").login("guest", "guest");
            By link = By.xpath("//table[@id='connections']//a[text()='mensajero " + name + "']");
            browser.await("the receiver's connection listed", () -> browser.visible(link));
            browser.click(link);
            browser.await("its client properties", () -> browser.text(By.cssSelector("table.kv-table")).contains("connection_name"));
            assertThat(browser.text(By.cssSelector("table.kv-table"))).contains("mensajero " + name, "RabbitMQ");

            browser.type(By.id("close-reason"), reason);
            browser.clickAndConfirm(By.cssSelector("#close-connection button[type=submit]"));
            // the form's message shows for 0.6 s before the page goes back to the list; the
            // status line, which outlives that, says it for 6 s
            browser.awaitText(By.id("status"), " closed.");
            ParticipantEvent error = receiver.awaitEvent("error", Pages.WAIT);
            assertThat(error.string("error")).contains("CONNECTION_FORCED", reason);
            assertThat(receiver.waitFor(Pages.WAIT)).isNotZero();
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
