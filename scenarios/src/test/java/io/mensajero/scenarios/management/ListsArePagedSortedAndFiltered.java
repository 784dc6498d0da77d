package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ's list parameters: page and page_size give a page with the counts around it; name
 * filters (a case-insensitive substring, or a regular expression with use_regex); sort and
 * sort_reverse order by a field; columns keeps the fields named (dotted for nested ones).
 */
class ListsArePagedSortedAndFiltered {

    @EachBroker
    void pagesOfQueues(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String prefix = Names.unique("paged");
        try {
            for (int i = 1; i <= 5; i++) {
                assertThat(api.put("/api/queues/%2F/" + prefix + "-" + i, Map.of("durable", false)).status()).isEqualTo(201);
            }
            JsonNode page = api.get("/api/queues/%2F?page=2&page_size=2&name=" + prefix.toUpperCase()
                    + "&sort=name&sort_reverse=true&columns=name,vhost").json();
            assertThat(page.get("filtered_count").asInt()).isEqualTo(5);
            assertThat(page.get("item_count").asInt()).isEqualTo(2);
            assertThat(page.get("page").asInt()).isEqualTo(2);
            assertThat(page.get("page_count").asInt()).isEqualTo(3);
            assertThat(page.get("page_size").asInt()).isEqualTo(2);
            assertThat(page.get("total_count").asInt()).isGreaterThanOrEqualTo(5);
            ManagementApi.assertJson(page.get("items"), "[{\"name\":\"" + prefix + "-3\",\"vhost\":\"/\"},"
                    + "{\"name\":\"" + prefix + "-2\",\"vhost\":\"/\"}]");
            JsonNode regex = api.get("/api/queues/%2F?page=1&use_regex=true&name="
                    + ManagementApi.enc("^" + prefix + "-[45]$") + "&columns=name").json();
            ManagementApi.assertJson(regex.get("items"), "[{\"name\":\"" + prefix + "-4\"},{\"name\":\""
                    + prefix + "-5\"}]");
            JsonNode nested = api.get("/api/queues/%2F/" + prefix + "-1?columns=name,arguments.x-nothing").json();
            ManagementApi.assertJson(nested, "{\"name\":\"" + prefix + "-1\",\"arguments\":{}}");
        } finally {
            for (int i = 1; i <= 5; i++) {
                api.delete("/api/queues/%2F/" + prefix + "-" + i);
            }
        }
    }
}
