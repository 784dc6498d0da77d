package io.mensajero.scenarios.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Requirements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code mensajero broker --tls-cert --tls-key} serves amqps with a certificate the scenario
 * makes: amqp-client (trusting that certificate only), pika and {@code mensajero send --uri
 * amqps://} make round trips over it, the management API shows the connection as TLS, and the
 * management port speaks HTTPS with the same pair. A client speaking plain AMQP to the amqps port
 * is disconnected without an answer, as RabbitMQ does (checked by hand on a TLS-enabled node).
 */
class AmqpsRoundTrips {
    private TestCertificate cert;
    private Broker broker;

    @BeforeEach
    void start() throws Exception {
        cert = TestCertificate.make();
        broker = Broker.start(BrokerConfig.builder().port(0).tlsPort(0).tls(cert.certificate(), cert.key())
                .managementPort(0).managementTls(true).build());
    }

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        cert.delete();
    }

    private ConnectionFactory amqps() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("localhost");
        f.setPort(broker.tlsPort());
        f.useSslProtocol(cert.trustingContext());
        f.enableHostnameVerification();
        return f;
    }

    @Test
    void amqpClient() throws Exception {
        try (Connection c = amqps().newConnection("over-tls")) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            ch.basicPublish("", q, null, "secret message".getBytes(StandardCharsets.UTF_8));
            GetResponse got = await().atMost(Duration.ofSeconds(5)).until(() -> ch.basicGet(q, true), g -> g != null);
            assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("secret message");
            JsonNode listed = await().atMost(Duration.ofSeconds(60)).until(() -> connectionNamed("over-tls"),
                    j -> j != null);
            assertThat(listed.get("ssl").asBoolean()).isTrue();
            assertThat(listed.get("ssl_protocol").asText()).startsWith("tlsv1.");
            assertThat(listed.get("port").asInt()).isEqualTo(broker.tlsPort());
        }
    }

    @Test
    void pika() throws Exception {
        Requirements.pythonWithPika();
        Path script = Files.createTempFile(cert.directory(), "pika", ".py");
        Files.writeString(script, String.join("\n",
                "import pika, ssl, sys",
                "ctx = ssl.create_default_context(cafile=sys.argv[2])",
                "params = pika.ConnectionParameters('localhost', int(sys.argv[1]),",
                "    ssl_options=pika.SSLOptions(ctx, 'localhost'))",
                "c = pika.BlockingConnection(params)",
                "ch = c.channel()",
                "q = ch.queue_declare('', exclusive=True).method.queue",
                "ch.basic_publish('', q, b'hola por tls')",
                "m, p, body = None, None, None",
                "for _ in range(50):",
                "    m, p, body = ch.basic_get(q, auto_ack=True)",
                "    if m: break",
                "    c.sleep(0.1)",
                "print(body.decode())",
                "c.close()", ""));
        Process p = new ProcessBuilder(Requirements.PYTHON, script.toString(), String.valueOf(broker.tlsPort()),
                cert.certificate().toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.trim()).isEqualTo("hola por tls");
    }

    /**
     * The client tools verify the broker's certificate against the JVM's trust store, so the
     * commands run with {@code -Djavax.net.ssl.trustStore} naming one that holds the test's
     * certificate (as a user would for a private CA).
     */
    @Test
    void mensajeroSendAndReceive() throws Exception {
        String uri = "amqps://guest:guest@localhost:" + broker.tlsPort() + "/%2F";
        Path trust = cert.trustStore();
        String sent = mensajero(trust, "send", "--uri", uri, "--queue", "tls-q", "over amqps", "--json");
        assertThat(sent).contains("\"event\":\"sent\"");
        String received = mensajero(trust, "receive", "--uri", uri, "--queue", "tls-q", "--count", "1", "--json");
        assertThat(received).contains("\"event\":\"received\"").contains("\"body\":\"over amqps\"");
    }

    /** Runs a mensajero command in its own JVM with the trust store; returns its output (exit 0 asserted). */
    private static String mensajero(Path trustStore, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
                "-cp", System.getProperty("java.class.path"), "io.mensajero.cli.Main"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void plainAmqpOnTheAmqpsPortIsDisconnected() throws Exception {
        try (Socket s = new Socket("127.0.0.1", broker.tlsPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
            out.flush();
            InputStream in = s.getInputStream();
            byte[] answer = in.readAllBytes();
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("AMQP");
        }
        try (Connection c = amqps().newConnection()) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    private JsonNode connectionNamed(String name) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(cert.trustingContext()).build();
        HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                        + broker.managementPort() + "/api/connections"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("guest:guest".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode c : ManagementApi.json(r.body())) {
            if (name.equals(c.path("user_provided_name").asText())) {
                return c;
            }
        }
        return null;
    }
}
