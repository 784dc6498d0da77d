package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/overview} names the product and its version ({@code product_name} "Mensajero" or
 * "RabbitMQ", which is how {@code mensajero ctl} tells the brokers apart), says which version of
 * RabbitMQ's API it speaks, and has the totals and listeners a dashboard shows.
 */
class OverviewNamesTheProduct {

    @EachBroker
    void productAndTotals(BrokerUnderTest broker) {
        JsonNode o = ManagementApi.of(broker).get("/api/overview").json();
        assertThat(o.get("product_name").asText()).isEqualTo(broker.isRabbitMq() ? "RabbitMQ" : "Mensajero");
        assertThat(o.get("product_version").asText()).isNotEmpty();
        assertThat(o.get("management_version").asText()).startsWith("3.");
        assertThat(o.get("rabbitmq_version").asText()).startsWith("3.");
        assertThat(QueuesExchangesAndBindingsThroughTheApi.fields(o)).contains("cluster_name", "node", "listeners",
                "contexts", "object_totals", "queue_totals", "message_stats", "churn_rates", "exchange_types",
                "rates_mode", "sample_retention_policies");
        assertThat(QueuesExchangesAndBindingsThroughTheApi.fields(o.get("object_totals")))
                .contains("channels", "connections", "consumers", "exchanges", "queues");
        JsonNode amqp = ConnectionsAndChannelsAreListedAndClosed.find(o.get("listeners"), "protocol", "amqp");
        assertThat(amqp.get("port").asInt()).isEqualTo(broker.port());
    }
}
