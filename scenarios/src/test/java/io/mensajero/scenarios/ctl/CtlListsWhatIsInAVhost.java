package io.mensajero.scenarios.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.mensajero.scenarios.ctl.CtlRoundTripsUsersVhostsAndPermissions.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code list_*} commands show what a client made in a vhost, in rabbitmqctl's default
 * columns and in columns asked for, as a table and as JSON: queues with their message counts,
 * exchanges, bindings, the connection, its channels and its consumer.
 */
class CtlListsWhatIsInAVhost {

    @EachBroker
    void queuesExchangesBindingsConnectionsChannelsConsumers(BrokerUnderTest broker) throws Exception {
        try (ScratchVhost scratch = ScratchVhost.create(broker); Connection connection = scratch.connect()) {
            String v = scratch.name();
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("orders", "topic");
            channel.queueDeclare("orders.eu", true, false, false, Map.of("x-max-length", 10));
            channel.queueBind("orders.eu", "orders", "eu.#");
            channel.confirmSelect();
            for (int i = 1; i <= 3; i++) {
                channel.basicPublish("orders", "eu.new", null, ("order " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
            Channel consuming = connection.createChannel();
            consuming.basicQos(7);
            consuming.queueDeclare("work", false, false, false, null);
            consuming.basicConsume("work", false, "ctl-tag", new DefaultConsumer(consuming));

            Ctl.Result queues = Ctl.ok(broker, "list_queues", "-p", v);
            assertThat(queues.out()).startsWith("Timeout: 60.0 seconds ...\nListing queues for vhost " + v + " ...\n");
            Ctl.awaitRows(broker, rows -> rows.contains(List.of("orders.eu", "3", "true", "[{\"x-max-length\",10}]"))
                    && rows.contains(List.of("work", "0", "false", "[]")),
                    "list_queues", "-p", v, "name", "messages", "durable", "arguments");
            assertThat(find(Ctl.json(broker, "list_queues", "-p", v), "name", "orders.eu").toString())
                    .isEqualTo("{\"name\":\"orders.eu\",\"messages\":3}");

            assertThat(Ctl.ok(broker, "list_exchanges", "-p", v).out())
                    .startsWith("Listing exchanges for vhost " + v + " ...\nname\ttype\n");
            assertThat(Ctl.rows(broker, "list_exchanges", "-p", v)).contains(List.of("orders", "topic"),
                    List.of("", "direct"), List.of("amq.fanout", "fanout"), List.of("amq.headers", "headers"));
            assertThat(find(Ctl.json(broker, "list_exchanges", "-p", v, "name", "type", "durable", "internal"),
                    "name", "orders").toString())
                    .isEqualTo("{\"name\":\"orders\",\"type\":\"topic\",\"durable\":false,\"internal\":false}");

            assertThat(Ctl.rows(broker, "list_bindings", "-p", v)).contains(
                    List.of("orders", "exchange", "orders.eu", "queue", "eu.#", "[]"),
                    List.of("", "exchange", "orders.eu", "queue", "orders.eu", "[]"));
            assertThat(Ctl.json(broker, "list_bindings", "-p", v, "source_name", "destination_name", "routing_key")
                    .toString()).contains("{\"source_name\":\"orders\",\"destination_name\":\"orders.eu\","
                    + "\"routing_key\":\"eu.#\"}");

            List<List<String>> consumers = Ctl.awaitRows(broker, rows -> !rows.isEmpty(), "list_consumers", "-p", v);
            assertThat(consumers).hasSize(1);
            assertThat(consumers.get(0)).hasSize(7);
            assertThat(consumers.get(0).get(0)).isEqualTo("work");
            assertThat(consumers.get(0).subList(2, 7)).containsExactly("ctl-tag", "true", "7", "true", "[]");
            String channelName = consumers.get(0).get(1);
            JsonNode consumer = Ctl.json(broker, "list_consumers", "-p", v).get(0);
            assertThat(consumer.get("channel_pid").asText()).isEqualTo(channelName);
            assertThat(consumer.get("prefetch_count").asInt()).isEqualTo(7);

            List<List<String>> connections = Ctl.awaitRows(broker, rows -> rows.stream().anyMatch(r -> r.get(1).equals(v)),
                    "list_connections", "name", "vhost", "user", "state", "protocol");
            List<String> ours = connections.stream().filter(r -> r.get(1).equals(v)).findFirst().orElseThrow();
            assertThat(ours.subList(1, 5)).containsExactly(v, "guest", "running", "{0,9,1}");
            assertThat(channelName).startsWith(ours.get(0) + " (");
            JsonNode connectionJson = find(Ctl.json(broker, "list_connections", "vhost", "user", "peer_host"), "vhost", v);
            assertThat(connectionJson.get("user").asText()).isEqualTo("guest");

            // RabbitMQ lists a new channel as created (prefetch 0, no consumer) until its next stats emission
            List<List<String>> channels = Ctl.awaitRows(broker, rows -> rows.stream().filter(r -> r.get(1).equals(v))
                    .count() == 2 && rows.contains(List.of(channelName, v, "1", "7")),
                    "list_channels", "name", "vhost", "consumer_count", "prefetch_count");
            assertThat(channels).contains(List.of(channelName, v, "1", "7"));
            assertThat(find(Ctl.json(broker, "list_channels", "pid", "vhost", "consumer_count"), "pid", channelName)
                    .get("consumer_count").asInt()).isEqualTo(1);
        }
    }
}
