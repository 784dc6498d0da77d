package io.mensajero.scenarios.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a scenario: the benchmark behind {@code bench/console-10k-queues}. It imports 10,000
 * queues into a vhost of its own on the management API given by {@code -Dconsole.bench=URL}
 * (a private node: never the shared one), opens the queues page in headless Chromium and
 * measures, in the page's own clock ({@code performance.now()}):
 * <ul>
 *   <li><b>load</b>: from the navigation's start to the first page of the table drawn (the
 *   console's scripts, its texts, the vhosts and the first API page of 100 rows);</li>
 *   <li><b>sort</b>: from the click on a column's button to the re-sorted rows drawn;</li>
 *   <li><b>filter</b> and <b>page</b>: a regex filter, and jumping to the next page.</li>
 * </ul>
 * With {@code -Dconsole.bench.proxy=false} the console is the one the management URL itself
 * serves (Mensajero's broker); by default it runs through {@code mensajero console}.
 * Prints the figures; asserts only that the table showed the 10,000 queues.
 */
@EnabledIfSystemProperty(named = "console.bench", matches = "https?://.+")
class ConsoleTenThousandQueuesBenchmark {
    private static final int QUEUES = 10_000;
    private static final int RUNS = 5;
    private static final String VHOST = "console-bench-10k";

    @Test
    void loadAndSortTenThousandQueues() {
        URI management = URI.create(System.getProperty("console.bench"));
        boolean proxy = !"false".equals(System.getProperty("console.bench.proxy"));
        ManagementApi api = new ManagementApi(management);
        api.call("DELETE", "/api/vhosts/" + VHOST, null);
        assertThat(api.call("PUT", "/api/vhosts/" + VHOST, "{}")).isBetween(200, 299);
        StringJoiner queues = new StringJoiner(",", "{\"queues\":[", "]}");
        for (int i = 0; i < QUEUES; i++) {
            queues.add("{\"name\":\"bench.q" + String.format(Locale.ROOT, "%05d", i)
                    + "\",\"durable\":false,\"auto_delete\":false,\"arguments\":{}}");
        }
        long importStart = System.nanoTime();
        assertThat(api.call("POST", "/api/definitions/" + VHOST, queues.toString())).isBetween(200, 299);
        System.out.printf("imported %d queues in %d ms%n", QUEUES, (System.nanoTime() - importStart) / 1_000_000);
        try (ConsoleUnderTest console = proxy ? ConsoleUnderTest.proxied(management) : null;
             Browser browser = Browser.start("en")) {
            String url = proxy ? console.url() : management.toString().replaceAll("/*$", "/");
            browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
            browser.open(url, "").login("guest", "guest");
            browser.script("sessionStorage.setItem('mensajero.console.vhost', arguments[0])", VHOST);
            browser.await("the 10k queues listed", Duration.ofSeconds(120), () -> {
                browser.go("#/queues");
                return waitTable(browser, 60_000) == QUEUES;
            });
            List<Long> load = new ArrayList<>();
            List<Long> sortReady = new ArrayList<>();
            List<Long> sortName = new ArrayList<>();
            List<Long> filter = new ArrayList<>();
            List<Long> nextPage = new ArrayList<>();
            List<Long> apiByName = new ArrayList<>();
            List<Long> apiByReady = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                browser.driver().navigate().refresh();
                assertThat(waitTable(browser, 60_000)).isEqualTo(QUEUES);
                load.add(Long.parseLong(browser.find(By.id("queues")).getAttribute("data-rendered-at")));
                sortReady.add(timed(browser, "document.querySelector(\"#queues button.sort[data-sort='messages_ready']\").click()"));
                sortName.add(timed(browser, "document.querySelector(\"#queues button.sort[data-sort='name']\").click()"));
                nextPage.add(timed(browser, "document.querySelector('#queues').closest('.table-block').querySelector('.pager-next').click()"));
                filter.add(timed(browser, "const f = document.getElementById('queues-filter');"
                        + "document.getElementById('queues-regex').click(); f.value = 'q0[0-4]'; f.dispatchEvent(new Event('input'));",
                        "table.dataset.filtered === '5000'"));
                assertThat(browser.find(By.id("queues")).getAttribute("data-filtered")).isEqualTo("5000");
                apiByName.add(apiTime(api, "name", false));
                apiByReady.add(apiTime(api, "messages_ready", false));
            }
            System.out.println("console with " + QUEUES + " queues (" + (proxy ? "through mensajero console" : "served by the broker")
                    + " at " + management + "), " + RUNS + " runs, ms: median (min-max)");
            print("load (navigation start to first page drawn)", load);
            print("sort by Ready (click to rows drawn)", sortReady);
            print("sort by Name again (click to rows drawn)", sortName);
            print("next page (click to rows drawn)", nextPage);
            print("regex filter q0[0-4] (250 ms typing debounce included)", filter);
            print("the API call alone: page 1 of 100 sorted by name", apiByName);
            print("the API call alone: page 1 of 100 sorted by messages_ready", apiByReady);
        } finally {
            api.call("DELETE", "/api/vhosts/" + VHOST, null);
        }
    }

    /** One API call as the console makes it for the first page, timed from this JVM. */
    private static long apiTime(ManagementApi api, String sort, boolean reverse) {
        long start = System.nanoTime();
        api.get("/api/queues/" + VHOST + "?page=1&page_size=100&name=&use_regex=false&sort=" + sort
                + "&sort_reverse=" + reverse + "&pagination=true");
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Waits until the queues table is drawn and not busy; returns the total it shows. */
    private static int waitTable(Browser browser, long timeoutMs) {
        browser.await("the queues table drawn", Duration.ofMillis(timeoutMs), () -> browser.visible(By.id("queues"))
                && browser.find(By.id("queues")).getAttribute("data-rendered-at") != null
                && browser.find(By.id("queues")).getAttribute("aria-busy") == null);
        return Integer.parseInt(browser.find(By.id("queues")).getAttribute("data-total"));
    }

    /** Runs the action in the page and returns the time until the table is drawn again. */
    private static long timed(Browser browser, String action) {
        return timed(browser, action, "true");
    }

    /**
     * Runs {@code action} in the page and returns the milliseconds until the queues table was
     * drawn again with {@code until} true (a JavaScript expression on {@code table}): the regex
     * filter is timed to the draw that shows its result, not to a draw the checkbox's own click
     * caused before the typed filter's debounce ran (a fast API answers that one first).
     */
    private static long timed(Browser browser, String action, String until) {
        Object result = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const table = document.getElementById('queues');
                const before = Number(table.dataset.renderedAt);
                const start = performance.now();
                %s
                const poll = () => {
                  const at = Number(table.dataset.renderedAt);
                  if (at !== before && at >= start && !table.hasAttribute('aria-busy') && (%s)) done(Math.round(at - start));
                  else setTimeout(poll, 5);
                };
                poll();
                """.formatted(action, until));
        return ((Number) result).longValue();
    }

    private static void print(String what, List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        System.out.printf("  %-55s %5d (%d-%d)  runs %s%n", what, sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1), values);
    }
}
