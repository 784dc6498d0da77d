package io.mensajero.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventPrinterTest {

    @Test
    void jsonLinesCarryEventParticipantTimeAndFields() throws Exception {
        StringWriter out = new StringWriter();
        EventPrinter printer = new EventPrinter(new PrintWriter(out), true, null);
        printer.accept(Event.of(EventType.RECEIVED, "work", "queue", "task_queue", "body", "job 1",
                "deliveryTag", 3L, "redelivered", true));
        JsonNode line = new ObjectMapper().readTree(out.toString());
        assertThat(line.get("event").asText()).isEqualTo("received");
        assertThat(line.get("participant").asText()).isEqualTo("work");
        assertThat(line.get("time").asLong()).isPositive();
        assertThat(line.get("deliveryTag").asLong()).isEqualTo(3);
        assertThat(line.get("redelivered").asBoolean()).isTrue();
        assertThat(out.toString()).endsWith("\n").containsOnlyOnce("\n");
    }

    @Test
    void humanLinesAreOneLinePerEventAndNameTheParticipant() {
        StringWriter out = new StringWriter();
        EventPrinter printer = new EventPrinter(new PrintWriter(out), false, "slow");
        printer.accept(Event.of(EventType.RECEIVED, "slow", "queue", "q", "body", "job..", "seq", 1,
                "deliveryTag", 1L, "redelivered", false, "autoAck", false, "workMs", 2000L, "ackDelayMs", 500L));
        printer.accept(Event.of(EventType.ACKED, "slow", "queue", "q", "body", "job..", "seq", 1,
                "deliveryTag", 1L, "afterMs", 2500L));
        assertThat(out.toString().lines()).containsExactly(
                "[slow] received #1 'job..' (delivery tag 1, redelivered=false); will ack in 2.5s",
                "[slow] acked delivery tag 1 (#1 'job..') after 2.5s");
    }

    @Test
    void everyEventTypeHasAHumanLine() {
        Map<String, Object> any = Map.of("queue", "q", "exchange", "x", "exchangeType", "fanout", "routingKey", "",
                "bindingKey", "", "body", "b", "seq", 1, "deliveryTag", 1L, "afterMs", 10L, "stage", 1);
        for (EventType type : EventType.values()) {
            Event event = new Event(type, "p", 1L, Map.of());
            Event full = new Event(type, "p", 1L, withCounts(any));
            assertThat(HumanLines.format(full)).as("%s", type).isNotBlank().doesNotContain("\n");
            if (type == EventType.STAGE_STARTED || type == EventType.STOPPING) {
                assertThat(HumanLines.format(event)).isNotBlank();
            }
        }
    }

    private static Map<String, Object> withCounts(Map<String, Object> fields) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(fields);
        all.put("received", 2);
        all.put("reason", "done");
        all.put("host", "localhost");
        all.put("port", 5672);
        all.put("vhost", "/");
        all.put("user", "guest");
        all.put("messages", 0);
        all.put("consumers", 0);
        all.put("error", "boom");
        return all;
    }
}
