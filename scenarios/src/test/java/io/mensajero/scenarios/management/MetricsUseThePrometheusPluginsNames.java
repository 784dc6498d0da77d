package io.mensajero.scenarios.management;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.scenarios.support.ManagementApi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} on the management port, in Prometheus' text format, without login, with the
 * names RabbitMQ's rabbitmq_prometheus plugin uses (checked by hand against the plugin of
 * RabbitMQ 3.10, which serves them on its own port): aggregated by default, per queue under
 * {@code /metrics/per-object}.
 */
class MetricsUseThePrometheusPluginsNames {

    @Test
    void aggregatedAndPerObject() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).build())) {
            ManagementApi api = ManagementApi.at("http://127.0.0.1:" + broker.managementPort()).anonymous();
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(broker.port());
            try (Connection c = f.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclare("metered", false, false, false, null);
                ch.confirmSelect();
                for (int i = 0; i < 3; i++) {
                    ch.basicPublish("", "metered", null, "m".getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirms(5_000);
                ch.basicGet("metered", false);
                ManagementApi.Response aggregated = api.get("/metrics");
                assertThat(aggregated.status()).isEqualTo(200);
                assertThat(aggregated.header("content-type")).startsWith("text/plain; version=0.0.4");
                assertThat(aggregated.body()).contains(
                        "# TYPE rabbitmq_queue_messages_ready gauge\n",
                        "\nrabbitmq_queue_messages_ready 2\n",
                        "\nrabbitmq_queue_messages_unacked 1\n",
                        "\nrabbitmq_queue_messages 3\n",
                        "\nrabbitmq_queue_consumers 0\n",
                        "\nrabbitmq_queue_messages_published_total 3\n",
                        "\nrabbitmq_channel_get_ack_total 1\n",
                        "\nrabbitmq_connections 1\n",
                        "\nrabbitmq_channels 1\n",
                        "\nrabbitmq_queues 1\n",
                        "\nrabbitmq_global_messages_received_total{protocol=\"amqp091\"} 3\n",
                        "\nrabbitmq_global_messages_confirmed_total{protocol=\"amqp091\"} 3\n",
                        "# TYPE rabbitmq_connections_opened_total counter\n",
                        "# TYPE rabbitmq_channel_messages_acked_total counter\n",
                        "# TYPE rabbitmq_channel_messages_delivered_ack_total counter\n",
                        "# TYPE rabbitmq_connection_incoming_bytes_total counter\n",
                        "rabbitmq_identity_info{");
                ManagementApi.Response perObject = api.get("/metrics/per-object");
                assertThat(perObject.body()).contains(
                        "\nrabbitmq_queue_messages_ready{vhost=\"/\",queue=\"metered\"} 2\n",
                        "\nrabbitmq_queue_messages_unacked{vhost=\"/\",queue=\"metered\"} 1\n",
                        "\nrabbitmq_queue_messages_published_total{vhost=\"/\",queue=\"metered\"} 3\n");
                assertThat(api.get("/metrics/nothing-here").status()).isEqualTo(404);
            }
        }
    }
}
