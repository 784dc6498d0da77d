package io.mensajero.scenarios.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} names the broker's node and product and lists its listeners (the AMQP port the
 * scenario uses among them), as text in rabbitmqctl's sections and as JSON; {@code help} lists
 * the commands.
 */
class CtlReportsStatusAndHelp {

    @EachBroker
    void status(BrokerUnderTest broker) {
        JsonNode status = Ctl.ok(broker, "status", "--formatter", "json").json();
        String node = status.path("node").asText();
        assertThat(status.path("product_name").asText()).isEqualTo(broker.isRabbitMq() ? "RabbitMQ" : "Mensajero");
        assertThat(status.path("listeners").toString()).contains("\"port\":" + broker.port() + ",\"protocol\":\"amqp\"");
        assertThat(status.path("totals").path("virtual_host_count").asInt()).isPositive();

        Ctl.Result text = Ctl.ok(broker, "status");
        assertThat(text.out()).startsWith("Status of node " + node + " ...\nRuntime\n\n")
                .contains("\nNode name: " + node + "\n")
                .contains("\nTotals\n\nConnection count: ")
                .containsPattern("\nInterface: \\S+, port: " + broker.port() + ", protocol: amqp, purpose: AMQP 0-9-1");
        assertThat(Ctl.ok(broker, "-q", "status").out()).startsWith("Runtime\n");
    }

    @EachBroker
    void help(BrokerUnderTest broker) {
        Ctl.Result help = Ctl.ok(broker, "help");
        assertThat(help.out()).contains("Available commands").containsPattern("(?m)^   add_user +Creates a new user\\.$")
                .containsPattern("(?m)^   set_permissions +Sets user permissions for a vhost\\.$");
        assertThat(Ctl.ok(broker, "help", "list_queues").out()).startsWith("Usage: mensajero ctl list_queues [OPTIONS] "
                + "[COLUMN...]");
    }
}
