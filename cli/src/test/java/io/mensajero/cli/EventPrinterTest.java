package io.mensajero.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import io.mensajero.client.Text;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventPrinterTest {
    private static final HumanLines EN = new HumanLines(Messages.forLanguage("en"), "work");
    private static final HumanLines ES = new HumanLines(Messages.forLanguage("es"), "work");

    @Test
    void jsonLinesCarryEventParticipantTimeAndFields() throws Exception {
        StringWriter out = new StringWriter();
        EventPrinter printer = new EventPrinter(new PrintWriter(out), true, null, new HumanLines(Messages.forLanguage("es"), "work"));
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
        EventPrinter printer = new EventPrinter(new PrintWriter(out), false, "slow", EN);
        printer.accept(Event.of(EventType.RECEIVED, "slow", "queue", "q", "body", "job..", "seq", 1,
                "deliveryTag", 1L, "redelivered", false, "autoAck", false, "workMs", 2000L, "ackDelayMs", 500L));
        printer.accept(Event.of(EventType.ACKED, "slow", "queue", "q", "body", "job..", "seq", 1,
                "deliveryTag", 1L, "afterMs", 2500L));
        assertThat(out.toString().lines()).containsExactly(
                "[slow] received #1 'job..' (delivery tag 1, redelivered=false); will ack in 2.5s",
                "[slow] acked delivery tag 1 (#1 'job..') after 2.5s");
    }

    @Test
    void reconnectionsAndResendsReadAsWhatHappened() {
        assertThat(EN.format(Event.of(EventType.CONNECTION_LOST, "work", "host", "localhost", "port", 5721,
                "reason", "Connection reset"))).isEqualTo("lost the connection to localhost:5721 (Connection reset); reconnecting...");
        assertThat(EN.format(Event.of(EventType.RECONNECTED, "work", "host", "localhost", "port", 5722,
                "localPort", 40000, "downMs", 250L, "reconnections", 1)))
                .isEqualTo("reconnected to localhost:5722 after 0.3s (reconnection 1)");
        assertThat(EN.format(Event.of(EventType.ABANDONED, "work", "queue", "q", "body", "job 3", "seq", 3,
                "deliveryTag", 3L, "reason", "connection-lost")))
                .isEqualTo("abandoned delivery tag 3 (#3 'job 3'): its connection was lost, so the broker requeued it");
        assertThat(EN.format(Event.of(EventType.SUMMARY, "task", "queue", "q", "sent", 5, "reason", "done",
                "reconnections", 2L, "resent", 1)))
                .isEqualTo("summary: sent 5 messages to queue q (reconnected 2 times, sent 1 again)");
    }

    @Test
    void theReasonAConnectionWasLostIsSaidInTheLanguageAndStaysEnglishInJson() throws Exception {
        Event lost = Event.of(EventType.CONNECTION_LOST, "work", "host", "localhost", "port", 5721,
                "reason", Text.of("error.lostReason.closedByBroker", "320 CONNECTION_FORCED - shutdown"));
        assertThat(EN.format(lost)).isEqualTo("lost the connection to localhost:5721 (the broker closed the connection "
                + "(320 CONNECTION_FORCED - shutdown)); reconnecting...");
        assertThat(ES.format(lost)).isEqualTo("se perdió la conexión con localhost:5721 (el broker cerró la conexión "
                + "(320 CONNECTION_FORCED - shutdown)); reconectando...");
        Event heartbeats = Event.of(EventType.CONNECTION_LOST, "work", "host", "localhost", "port", 5721,
                "reason", Text.of("error.lostReason.heartbeats"));
        assertThat(ES.format(heartbeats)).contains("(faltaron los heartbeats: no llegó nada del broker");
        StringWriter out = new StringWriter();
        new EventPrinter(new PrintWriter(out), true, null, ES).accept(heartbeats);
        assertThat(new ObjectMapper().readTree(out.toString()).get("reason").asText())
                .isEqualTo("missed heartbeats: nothing came from the broker for two heartbeat intervals");
    }

    @Test
    void everyEventTypeHasAHumanLine() {
        Map<String, Object> any = Map.of("queue", "q", "exchange", "x", "exchangeType", "fanout", "routingKey", "",
                "bindingKey", "", "body", "b", "seq", 1, "deliveryTag", 1L, "afterMs", 10L, "stage", 1);
        for (EventType type : EventType.values()) {
            Event event = new Event(type, "p", 1L, Map.of());
            Event full = new Event(type, "p", 1L, withCounts(any));
            for (HumanLines lines : new HumanLines[] {EN, ES, new HumanLines(Messages.forLanguage("es"), "staged")}) {
                assertThat(lines.format(full)).as("%s", type).isNotBlank().doesNotContain("\n").doesNotContain("{");
                if (type == EventType.STAGE_STARTED || type == EventType.STOPPING) {
                    assertThat(lines.format(event)).isNotBlank();
                }
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
        all.put("downMs", 120L);
        all.put("reconnections", 1);
        return all;
    }

    @Test
    void theStagedProducerPrintsTheCoursesLinesInSpanish() {
        HumanLines staged = new HumanLines(Messages.forLanguage("es"), "staged");
        assertThat(staged.format(Event.of(EventType.STAGE_STARTED, "staged", "queue", "hello", "stage", 2)))
                .isEqualTo("Iniciando etapa 2");
        assertThat(staged.format(Event.of(EventType.STAGE_COMPLETED, "staged", "queue", "hello", "stage", 2, "sent", 6)))
                .isEqualTo("Etapa 2 completada");
        assertThat(staged.format(Event.of(EventType.STOPPING, "staged", "reason", "SIGINT")))
                .isEqualTo("Deteniendo el envío de mensajes...");
        HumanLines english = new HumanLines(Messages.forLanguage("en"), "staged");
        assertThat(english.format(Event.of(EventType.STAGE_STARTED, "staged", "stage", 2))).isEqualTo("Starting stage 2");
        assertThat(english.format(Event.of(EventType.STOPPING, "staged", "reason", "SIGINT")))
                .isEqualTo("Stopping sending messages...");
    }

    @Test
    void numbersThatNameThingsAreNotGroupedAndCountsAgree() {
        assertThat(ES.format(Event.of(EventType.CONNECTED, "w", "host", "localhost", "port", 5672, "vhost", "/",
                "user", "guest"))).isEqualTo("conectado a localhost:5672, vhost /, como guest");
        assertThat(EN.format(Event.of(EventType.DECLARED, "w", "queue", "task_queue", "durable", true, "exclusive", false,
                "messages", 1, "consumers", 2)))
                .isEqualTo("declared queue task_queue (durable, 1 message ready, 2 consumers)");
        assertThat(ES.format(Event.of(EventType.SENT, "w", "queue", "hello", "exchange", "", "body", "Hola", "seq", 1234,
                "persistent", true))).isEqualTo("enviado #1234 'Hola' a la cola hello (persistente)");
        assertThat(ES.format(Event.of(EventType.SUMMARY, "w", "queue", "hello", "sent", 1, "reason", "SIGINT")))
                .isEqualTo("resumen: 1 mensaje enviado a la cola hello (SIGINT)");
        assertThat(EN.format(Event.of(EventType.RECEIVED, "s", "queue", "amq.gen-1", "exchange", "business_events",
                "routingKey", "", "body", "BUYER_ARRIVED_ID", "seq", 1, "redelivered", true)))
                .isEqualTo("received #1 'BUYER_ARRIVED_ID' from exchange business_events (redelivered)");
    }

    @Test
    void whyItStoppedIsSaidInTheLanguageAndSignalsAsTheyAre() {
        assertThat(ES.format(Event.of(EventType.STOPPING, "w", "reason", "count"))).isEqualTo("deteniendo (se alcanzó --count)...");
        assertThat(EN.format(Event.of(EventType.STOPPING, "w", "reason", "count"))).isEqualTo("stopping (count)...");
        assertThat(ES.format(Event.of(EventType.STOPPING, "w", "reason", "SIGTERM"))).isEqualTo("deteniendo (SIGTERM)...");
        assertThat(ES.format(Event.of(EventType.SUMMARY, "w", "queue", "q", "received", 2, "reason", "idle-timeout")))
                .isEqualTo("resumen: 2 mensajes recibidos de la cola q (nada llegó en --idle-timeout)");
    }
}
