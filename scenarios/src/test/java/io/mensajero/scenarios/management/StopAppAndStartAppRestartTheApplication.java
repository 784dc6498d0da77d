package io.mensajero.scenarios.management;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.ManagementApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Mensajero's {@code POST /api/mensajero/stop_app} and {@code start_app}, for {@code mensajero
 * ctl} where RabbitMQ has {@code rabbitmqctl stop_app}/{@code start_app}: stop_app closes every
 * connection (320 "broker forced connection closure with reason 'shutdown'") and the AMQP port,
 * and forgets what a restart forgets (non-durable queues and exchanges, transient messages);
 * start_app listens again on the same port. RabbitMQ's cycle, checked by hand on a private node,
 * does the same (its management API is down while it is stopped; Mensajero's stays up so that
 * start_app can be asked for). Administrators only.
 */
class StopAppAndStartAppRestartTheApplication {

    @Test
    void aRestartCycle() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).build())) {
            ManagementApi api = ManagementApi.at("http://127.0.0.1:" + broker.managementPort());
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(broker.port());
            Connection c = f.newConnection();
            Channel ch = c.createChannel();
            ch.queueDeclare("dq", true, false, false, null);
            ch.queueDeclare("tq", false, false, false, null);
            ch.exchangeDeclare("dx", "direct", true);
            ch.exchangeDeclare("tx", "direct", false);
            ch.queueBind("dq", "dx", "k");
            ch.queueBind("dq", "tx", "k");
            ch.basicPublish("", "dq", new AMQP.BasicProperties.Builder().deliveryMode(2).build(), bytes("persistent"));
            ch.basicPublish("", "dq", null, bytes("transient"));
            ch.queueDeclarePassive("dq");
            CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
            c.addShutdownListener(closed::complete);

            assertThat(api.post("/api/mensajero/stop_app", null).status()).isEqualTo(204);
            assertThat(Amqp.failureOf(closed.get(10, TimeUnit.SECONDS))).isEqualTo(Failure.connection(320,
                    "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'", 0, 0));
            Throwable refused = catchThrowable(f::newConnection);
            assertThat(refused).isInstanceOf(ConnectException.class);
            assertThat(api.get("/api/overview").status()).isEqualTo(200);

            assertThat(api.post("/api/mensajero/start_app", null).status()).isEqualTo(204);
            try (Connection again = f.newConnection()) {
                Channel c2 = again.createChannel();
                assertThat(c2.queueDeclarePassive("dq").getMessageCount()).isEqualTo(1);
                assertThat(new String(c2.basicGet("dq", true).getBody(), StandardCharsets.UTF_8)).isEqualTo("persistent");
                c2.exchangeDeclarePassive("dx");
                assertThat(api.get("/api/bindings/%2F/e/dx/q/dq").json()).hasSize(1);
                assertThat(gone(again, "tq", true)).isTrue();
                assertThat(gone(again, "tx", false)).isTrue();
            }
            assertThat(api.post("/api/mensajero/start_app", null).status()).isEqualTo(204);
        }
    }

    @Test
    void administratorsOnly() {
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).build())) {
            ManagementApi api = ManagementApi.at("http://127.0.0.1:" + broker.managementPort());
            assertThat(api.put("/api/users/monitor", Map.of("password", "pw", "tags", "monitoring")).status())
                    .isEqualTo(201);
            ManagementApi monitor = api.as("monitor", "pw");
            for (ManagementApi.Response r : new ManagementApi.Response[] {
                    monitor.post("/api/mensajero/stop_app", null), monitor.post("/api/mensajero/start_app", null),
                    monitor.put("/api/mensajero/vm_memory_high_watermark", Map.of("relative", 0.4)),
                    monitor.put("/api/mensajero/disk_free_limit", Map.of("absolute", 1000))}) {
                assertThat(r.status()).isEqualTo(401);
                ManagementApi.assertJson(r.json(), "{\"error\":\"not_authorised\",\"reason\":\"Not administrator user\"}");
            }
        }
    }

    private static boolean gone(Connection c, String name, boolean queue) throws IOException {
        Channel probe = c.createChannel();
        try {
            if (queue) {
                probe.queueDeclarePassive(name);
            } else {
                probe.exchangeDeclarePassive(name);
            }
            probe.close();
            return false;
        } catch (IOException e) {
            return e.getCause() instanceof ShutdownSignalException s && Amqp.failureOf(s).replyCode() == 404;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
