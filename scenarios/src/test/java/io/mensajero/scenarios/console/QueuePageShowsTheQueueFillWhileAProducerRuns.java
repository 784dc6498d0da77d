package io.mensajero.scenarios.console;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student watches a queue fill: {@code mensajero send} publishes 60 messages at 5 per second
 * while the queue's page is open; without reloading, the page shows the depth rising (at least
 * one value between empty and full, never going down) up to 60, and the depth chart gathers the
 * points. The queues list finds the queue by name and shows the same depth.
 */
class QueuePageShowsTheQueueFillWhileAProducerRuns {

    @EachBroker
    void depthRisesLiveUpToWhatWasSent(BrokerUnderTest broker) {
        String queue = Names.unique("console-fill");
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            BrokerState.amqp(broker, channel -> channel.queueDeclare(queue, false, false, false, null));
            browser.open(console.url(), Pages.queue(queue)).login("guest", "guest");
            browser.await("the queue's page", () -> browser.text(By.id("queue-total")).equals("0"));
            Object pageBefore = browser.script("return window.performance.timeOrigin");

            List<Integer> seen = new ArrayList<>();
            try (Participant producer = Pages.tool(broker, "send", "console fill {n}", "--queue", queue,
                    "--count", "60", "--rate", "5")) {
                browser.await("the depth reaches 60", Duration.ofSeconds(60), () -> {
                    int depth = Integer.parseInt(browser.text(By.id("queue-total")).replace(",", ""));
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != depth) {
                        seen.add(depth);
                    }
                    return depth == 60;
                });
                assertThat(producer.waitFor(Pages.WAIT)).isZero();
            }
            assertThat(seen).as("depths shown while the producer ran").isSorted()
                    .anyMatch(depth -> depth > 0 && depth < 60);
            assertThat(browser.script("return window.performance.timeOrigin")).as("never reloaded").isEqualTo(pageBefore);
            int points = Integer.parseInt(browser.find(By.cssSelector(".plot")).getAttribute("data-points"));
            assertThat(points).as("points in the depth chart").isGreaterThanOrEqualTo(3);
            assertThat(browser.text(By.cssSelector("figure.chart .current"))).contains("Total: 60");

            browser.go("#/queues");
            browser.type(By.id("queues-filter"), queue);
            browser.await("the queue in the list", () -> browser.all(By.cssSelector("#queues tbody tr")).size() == 1
                    && browser.text(By.cssSelector("#queues tbody tr")).contains(queue));
            assertThat(browser.text(By.cssSelector("#queues tbody tr"))).contains(" 60 ");
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
