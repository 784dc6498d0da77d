package io.mensajero.scenarios.console;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a scenario: the tool behind {@code bench/console-screenshots}, which takes a screenshot of
 * every page of the console into {@code -Dconsole.screenshots=DIR} (docs/console). It runs only
 * when that property is set, against RabbitMQ ({@code RABBITMQ_PORT}, {@code
 * RABBITMQ_MANAGEMENT_PORT}; use a private node) through {@code mensajero console}, with a
 * little traffic so that the charts and rates show something.
 */
@EnabledIfSystemProperty(named = "console.screenshots", matches = ".+")
class ConsoleScreenshots {
    private static final String HOST = env("RABBITMQ_HOST", "localhost");
    private static final int PORT = Integer.parseInt(env("RABBITMQ_PORT", "5672"));
    private static final URI MANAGEMENT = URI.create("http://" + HOST + ":" + env("RABBITMQ_MANAGEMENT_PORT", "15672"));

    @Test
    void everyPage() throws Exception {
        Path dir = Path.of(System.getProperty("console.screenshots")).toAbsolutePath();
        ManagementApi api = new ManagementApi(MANAGEMENT);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        AtomicBoolean running = new AtomicBoolean(true);
        try (Connection setup = factory.newConnection("console screenshots: setup");
             Connection producer = factory.newConnection("billing-producer");
             Connection worker = factory.newConnection("billing-worker");
             ConsoleUnderTest console = ConsoleUnderTest.proxied(MANAGEMENT);
             Browser browser = Browser.start("en")) {
            Channel ch = setup.createChannel();
            ch.exchangeDeclare("shop", "topic", true);
            ch.queueDeclare("orders", true, false, false, Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", "orders.retry"));
            ch.queueDeclare("orders.retry", true, false, false, null);
            ch.queueDeclare("invoices", true, false, false, Map.of("x-max-length", 100000));
            ch.queueBind("orders", "shop", "order.*");
            ch.queueBind("invoices", "shop", "invoice.#");
            ch.queuePurge("orders");
            for (int i = 1; i <= 25; i++) {
                AMQP.BasicProperties.Builder props = new AMQP.BasicProperties.Builder().contentType("application/json")
                        .deliveryMode(2).messageId("order-" + i).timestamp(new Date());
                if (i == 1) {
                    props.headers(Map.of("x-death", List.of(Map.of("queue", "orders.retry", "reason", "expired",
                            "count", 1L, "exchange", "", "routing-keys", List.of("orders.retry"), "time", new Date())),
                            "tenant", "acme"));
                }
                ch.basicPublish("shop", "order.created", props.build(),
                        ("{\"order\": " + i + ", \"item\": \"café\", \"amount\": " + (i * 3) + "}").getBytes(StandardCharsets.UTF_8));
            }
            api.call("PUT", "/api/users/ana", "{\"password\":\"ana-secret\",\"tags\":\"management\"}");
            api.call("PUT", "/api/permissions/%2F/ana", "{\"configure\":\"^ana\\\\.\",\"write\":\".*\",\"read\":\".*\"}");
            api.call("PUT", "/api/policies/%2F/orders-ttl", "{\"pattern\":\"^orders$\",\"definition\":{\"max-length\":100000},\"apply-to\":\"queues\",\"priority\":1}");
            Channel consume = worker.createChannel();
            consume.basicQos(20);
            consume.basicConsume("invoices", false, "billing", new DefaultConsumer(consume) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body) throws IOException {
                    consume.basicAck(envelope.getDeliveryTag(), false);
                }
            });
            Channel publish = producer.createChannel();
            publish.confirmSelect();
            Thread traffic = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        publish.basicPublish("shop", "invoice.created", null, ("invoice " + (++n)).getBytes(StandardCharsets.UTF_8));
                        Thread.sleep(n % 200 < 100 ? 40 : 80);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        return;
                    }
                }
            }, "screenshot-traffic");
            traffic.start();

            browser.open(console.url(), "");
            browser.submitLogin("guest", "wrong password");
            browser.awaitText(By.id("login-message"), "Login failed");
            browser.type(By.id("login-user"), "guest");
            browser.screenshot(dir.resolve("login.png"));
            browser.login("guest", "guest");
            // A minute of traffic, so that the charts have a shape.
            browser.await("a minute of chart points", Duration.ofSeconds(90), () -> ((Number) browser.script(
                    "return document.querySelectorAll('.plot canvas').length")).intValue() == 2 && waited(60));
            browser.screenshot(dir.resolve("overview.png"));
            shot(browser, dir, "#/connections", "connections.png", "#connections tbody a");
            String workerName = browser.find(By.xpath("//table[@id='connections']//a[text()='billing-worker']")).getAttribute("href");
            shot(browser, dir, workerName.substring(workerName.indexOf('#')), "connection.png", "#connection-channels tbody tr");
            shot(browser, dir, "#/channels", "channels.png", "#channels tbody tr");
            shot(browser, dir, "#/exchanges", "exchanges.png", "#exchanges tbody a");
            shot(browser, dir, "#/exchanges/%2F/shop", "exchange.png", "#bindings-source tbody a");
            shot(browser, dir, "#/queues", "queues.png", "#queues tbody a");
            browser.go("#/queues/%2F/orders");
            browser.await("the queue page", () -> browser.text(By.id("queue-total")).equals("25"));
            browser.type(By.id("get-count"), "2");
            browser.click(By.cssSelector("#get-form button[type=submit]"));
            browser.await("two messages", () -> browser.all(By.cssSelector("#get-results article")).size() == 2);
            // Typing and clicking in the get form scrolled the page to it: the queue page's shot is its top.
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot(dir.resolve("queue.png"));
            browser.script("document.getElementById('get-form').scrollIntoView()");
            browser.screenshot(dir.resolve("queue-get.png"));
            shot(browser, dir, "#/users", "users.png", "#users tbody a");
            shot(browser, dir, "#/users/ana", "user.png", "#user-permissions tbody tr");
            shot(browser, dir, "#/vhosts", "vhosts.png", "#vhosts tbody tr");
            shot(browser, dir, "#/permissions", "permissions.png", "#permissions tbody tr");
            shot(browser, dir, "#/policies", "policies.png", "#policies tbody tr");
            shot(browser, dir, "#/definitions", "definitions.png", "#export-definitions");
            browser.choose(By.id("lang-select"), "es");
            shot(browser, dir, "#/", "overview-es.png", "[data-total='queues'] .value");
            shot(browser, dir, "#/queues", "queues-es.png", "#queues tbody a");
            browser.choose(By.id("lang-select"), "en");
            browser.click(By.id("logout"));
            browser.login("ana", "ana-secret");
            shot(browser, dir, "#/users", "non-admin.png", "#not-allowed");
            assertThat(browser.scriptErrors()).isEmpty();
        } finally {
            running.set(false);
            api.deleteUser("ana");
            api.call("DELETE", "/api/policies/%2F/orders-ttl", null);
        }
    }

    private static long started = System.nanoTime();

    private static boolean waited(int seconds) {
        return System.nanoTime() - started > seconds * 1_000_000_000L;
    }

    private static void shot(Browser browser, Path dir, String route, String file, String readyCss) {
        browser.go(route);
        browser.await(file + ": " + readyCss, () -> browser.visible(By.cssSelector(readyCss)));
        browser.screenshot(dir.resolve(file));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
