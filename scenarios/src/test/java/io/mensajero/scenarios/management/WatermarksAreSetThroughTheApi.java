package io.mensajero.scenarios.management;

import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.scenarios.support.ManagementApi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mensajero's {@code PUT /api/mensajero/vm_memory_high_watermark} and {@code disk_free_limit}
 * (for {@code mensajero ctl set_vm_memory_high_watermark} and {@code set_disk_free_limit}): a
 * watermark below what is held raises the memory alarm at once (publishers get connection.blocked)
 * and a higher one clears it; both limits show in {@code /api/nodes}; bad values are 400.
 */
class WatermarksAreSetThroughTheApi {

    @Test
    void memoryWatermark() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).build())) {
            ManagementApi api = ManagementApi.at("http://127.0.0.1:" + broker.managementPort());
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(broker.port());
            try (Connection c = f.newConnection()) {
                BlockingQueue<String> signals = new ArrayBlockingQueue<>(4);
                c.addBlockedListener(new BlockedListener() {
                    @Override
                    public void handleBlocked(String reason) {
                        signals.add("blocked");
                    }

                    @Override
                    public void handleUnblocked() {
                        signals.add("unblocked");
                    }
                });
                Channel ch = c.createChannel();
                ch.queueDeclare("held", false, false, false, null);
                ch.basicPublish("", "held", null, "some bytes".getBytes(StandardCharsets.UTF_8));
                assertThat(api.put("/api/mensajero/vm_memory_high_watermark", Map.of("absolute", 1)).status())
                        .isEqualTo(204);
                // as in RabbitMQ 3.10, the alarm blocks a connection when it publishes during it
                ch.basicPublish("", "held", null, "during the alarm".getBytes(StandardCharsets.UTF_8));
                assertThat(signals.poll(10, TimeUnit.SECONDS)).isEqualTo("blocked");
                assertThat(api.get("/api/nodes").json().get(0).get("mem_limit").asLong()).isEqualTo(1);
                assertThat(api.get("/api/nodes").json().get(0).get("mem_alarm").asBoolean()).isTrue();
                assertThat(api.put("/api/mensajero/vm_memory_high_watermark", Map.of("relative", 0.4)).status())
                        .isEqualTo(204);
                assertThat(signals.poll(10, TimeUnit.SECONDS)).isEqualTo("unblocked");
                assertThat(api.get("/api/nodes").json().get(0).get("mem_limit").asLong())
                        .isEqualTo((long) (0.4 * Runtime.getRuntime().maxMemory()));
            }
            assertThat(api.put("/api/mensajero/vm_memory_high_watermark", Map.of("relative", "lots")).status())
                    .isEqualTo(400);
            assertThat(api.put("/api/mensajero/vm_memory_high_watermark", Map.of()).status()).isEqualTo(400);
        }
    }

    @Test
    void diskFreeLimit() {
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).build())) {
            ManagementApi api = ManagementApi.at("http://127.0.0.1:" + broker.managementPort());
            assertThat(api.put("/api/mensajero/disk_free_limit", Map.of("absolute", 123_456_789)).status()).isEqualTo(204);
            assertThat(api.get("/api/nodes").json().get(0).get("disk_free_limit").asLong()).isEqualTo(123_456_789);
            assertThat(api.put("/api/mensajero/disk_free_limit", Map.of("mem_relative", 1.0)).status()).isEqualTo(204);
            long memLimit = api.get("/api/nodes").json().get(0).get("mem_limit").asLong();
            assertThat(api.get("/api/nodes").json().get(0).get("disk_free_limit").asLong()).isEqualTo(memLimit);
            assertThat(api.put("/api/mensajero/disk_free_limit", Map.of("absolute", -5)).status()).isEqualTo(400);
            assertThat(api.put("/api/mensajero/disk_free_limit", Map.of("absolute", "50MB")).status()).isEqualTo(400);
        }
    }
}
