package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accessibility as a keyboard and screen-reader user meets it: on every page each form control
 * has a label (a label element or an aria-label), there is one h1 and it takes the focus; a
 * table is sorted from the keyboard (Enter on the column's button) and says so with aria-sort;
 * and the language switch is a labelled select too.
 */
class ConsoleWorksWithTheKeyboardAndLabelsEveryControl {
    /** Returns the controls without a name a screen reader could say. */
    private static final String UNLABELLED = """
            return [...document.querySelectorAll('input, select, textarea, button')]
              .filter(el => el.offsetParent !== null)
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                         && !(el.tagName === 'BUTTON' && el.textContent.trim()))
              .map(el => el.outerHTML.slice(0, 120));
            """;

    @EachBroker
    void everyControlLabelledAndTablesSortFromTheKeyboard(BrokerUnderTest broker) {
        String prefix = Names.unique("console-kb");
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser browser = Browser.start("en")) {
            BrokerState.amqp(broker, channel -> {
                for (String suffix : List.of("a", "b", "c")) {
                    channel.queueDeclare(prefix + "-" + suffix, false, false, false, null);
                }
                return null;
            });
            browser.open(console.url(), "").login("guest", "guest");
            for (String route : List.of("#/", "#/connections", "#/channels", "#/exchanges", "#/queues", "#/users",
                    "#/users/guest", "#/vhosts", "#/permissions", "#/policies", "#/definitions", Pages.queue(prefix + "-a"),
                    Pages.exchange("amq.direct"))) {
                browser.go(route);
                browser.await(route + " loaded", () -> !browser.text(By.id("updated")).isEmpty()
                        && browser.all(By.cssSelector("#view [aria-busy='true']")).isEmpty());
                assertThat(browser.all(By.cssSelector("#view h1"))).as(route).hasSize(1);
                assertThat(browser.script("return document.activeElement.tagName")).as(route + ": focus on the h1").isEqualTo("H1");
                assertThat((List<?>) browser.script(UNLABELLED)).as(route + ": controls without a label").isEmpty();
            }

            browser.go("#/queues");
            browser.type(By.id("queues-filter"), prefix);
            browser.await("three queues", () -> browser.all(By.cssSelector("#queues tbody tr")).size() == 3);
            assertThat(names(browser)).containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
            By nameSort = By.cssSelector("#queues button.sort[data-sort='name']");
            browser.find(nameSort).sendKeys(Keys.ENTER);
            browser.await("sorted the other way", () -> names(browser).equals(List.of(prefix + "-c", prefix + "-b", prefix + "-a")));
            assertThat(browser.find(By.xpath("//table[@id='queues']//th[.//button[@data-sort='name']]")).getAttribute("aria-sort"))
                    .isEqualTo("descending");
            assertThat(browser.script("return document.activeElement.dataset.sort")).as("focus stays on the button").isEqualTo("name");
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            for (String suffix : List.of("a", "b", "c")) {
                BrokerState.deleteQueue(broker, prefix + "-" + suffix);
            }
        }
    }

    private static List<String> names(Browser browser) {
        return browser.texts(By.cssSelector("#queues tbody th"));
    }
}
