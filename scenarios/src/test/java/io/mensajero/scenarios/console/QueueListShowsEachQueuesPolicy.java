package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy set on a queue that exists shows in the queue list's policy column (the queue's
 * {@code policy} in the management API), found with the list's name filter.
 */
class QueueListShowsEachQueuesPolicy {

    @EachBroker
    void thePolicyColumnNamesThePolicyInForce(BrokerUnderTest broker) {
        io.mensajero.scenarios.support.ManagementApi api = io.mensajero.scenarios.support.ManagementApi.of(broker);
        String queue = Names.unique("console-pol");
        String policy = "/api/policies/%2F/" + queue + "-cap";
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            assertThat(api.put("/api/queues/%2F/" + queue, Map.of("durable", false)).status()).isEqualTo(201);
            assertThat(api.put(policy, Map.of("pattern", "^" + queue + "$", "definition", Map.of("max-length", 5),
                    "apply-to", "queues")).status()).isEqualTo(201);
            browser.open(console.url(), "#/queues").login("guest", "guest");
            browser.await("the queues table", () -> browser.visible(By.id("queues-filter")));
            browser.type(By.id("queues-filter"), queue);
            By row = By.xpath("//table[@id='queues']//tr[.//a[text()='" + queue + "']]");
            browser.await("the queue listed with its policy " + queue + "-cap",
                    () -> browser.text(row).contains(queue + "-cap"));
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            api.delete(policy);
            api.delete("/api/queues/%2F/" + queue);
        }
    }
}
