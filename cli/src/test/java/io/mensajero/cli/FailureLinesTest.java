package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's failure lines and a message's x-death history, in English and in Spanish. */
class FailureLinesTest {
    private static final HumanLines EN = new HumanLines(Messages.forLanguage("en"), "work");
    private static final HumanLines ES = new HumanLines(Messages.forLanguage("es"), "work");

    private static final Event FAILED = Event.of(EventType.FAILED, "work", "queue", "q", "body", "poison", "seq", 3,
            "deliveryTag", 3L, "cause", "fail-on");
    private static final Event FAILED_ATTEMPT = Event.of(EventType.FAILED, "work", "queue", "q", "body", "poison", "seq", 3,
            "deliveryTag", 3L, "cause", "redelivered", "attempt", 2, "maxAttempts", 3);
    private static final Event RETRYING = Event.of(EventType.RETRYING, "work", "queue", "q", "body", "poison", "seq", 3,
            "deliveryTag", 3L, "retryQueue", "q.retry", "retryDelayMs", 1500L, "attempt", 2);
    private static final Event REQUEUED = Event.of(EventType.REQUEUED, "work", "queue", "q", "body", "poison", "seq", 3,
            "deliveryTag", 3L);
    private static final Event DEAD = Event.of(EventType.DEAD_LETTERED, "work", "queue", "q", "body", "poison", "seq", 3,
            "deliveryTag", 3L, "attempt", 3, "deadLetterQueue", "q.dead", "reason", "rejected");
    private static final Event CRASHING = Event.of(EventType.CRASHING, "work", "queue", "q", "body", "poison", "seq", 3,
            "deliveryTag", 3L);

    @Test
    void inEnglish() {
        assertThat(EN.format(FAILED)).isEqualTo("failed #3 'poison': its body matches --fail-on");
        assertThat(EN.format(FAILED_ATTEMPT))
                .isEqualTo("failed #3 'poison' (attempt 2 of 3): redelivered, so the worker before died holding it");
        assertThat(EN.format(RETRYING)).isEqualTo("sent #3 'poison' round retry queue q.retry (back in 1500 ms for attempt 3)");
        assertThat(EN.format(REQUEUED)).isEqualTo("gave #3 'poison' back to queue q (nack, requeue)");
        assertThat(EN.format(DEAD)).isEqualTo(
                "gave up on #3 'poison' after 3 attempts: the broker moves it to dead-letter queue q.dead (rejected)");
        assertThat(EN.format(CRASHING)).isEqualTo("crashing on #3 'poison' (exit 70)");
    }

    @Test
    void inSpanishWithQueueNamesAndTheBrokersReasonsAsTheyAre() {
        assertThat(ES.format(FAILED)).isEqualTo("falló #3 'poison': su cuerpo coincide con --fail-on");
        assertThat(ES.format(FAILED_ATTEMPT))
                .isEqualTo("falló #3 'poison' (intento 2 de 3): llegó reentregado, así que el trabajador anterior murió con él");
        assertThat(ES.format(RETRYING))
                .isEqualTo("enviado #3 'poison' a la cola de reintentos q.retry (vuelve en 1500 ms para el intento 3)");
        assertThat(ES.format(REQUEUED)).isEqualTo("devuelto #3 'poison' a la cola q (nack, requeue)");
        assertThat(ES.format(DEAD)).isEqualTo(
                "abandonado #3 'poison' tras 3 intentos: el broker lo mueve a la cola de mensajes muertos q.dead (rejected)");
        assertThat(ES.format(CRASHING)).isEqualTo("abortando con #3 'poison' (código de salida 70)");
    }

    @Test
    void aCauseWithoutATextIsShownAsItIs() {
        Event other = Event.of(EventType.FAILED, "work", "queue", "q", "body", "b", "seq", 1, "deliveryTag", 1L,
                "cause", "something-new");
        assertThat(ES.format(other)).isEqualTo("falló #1 'b': something-new");
        Event none = Event.of(EventType.FAILED, "work", "queue", "q", "body", "b", "seq", 1, "deliveryTag", 1L);
        assertThat(EN.format(none)).isEqualTo("failed #1 'b': the work failed");
        assertThat(ES.format(none)).isEqualTo("falló #1 'b': el trabajo falló");
    }

    @Test
    void theSummaryCountsFailuresAndAReceivedMessageShowsItsDeaths() {
        Event summary = Event.of(EventType.SUMMARY, "work", "queue", "q", "received", 4, "acked", 2, "unacked", 0,
                "failed", 2, "deadLettered", 1, "reason", "done");
        assertThat(EN.format(summary)).endsWith(", failed 2, dead-lettered 1");
        assertThat(ES.format(summary)).endsWith(", fallidos 2, a mensajes muertos 1");
        Event received = Event.of(EventType.RECEIVED, "receive", "queue", "q.dead", "body", "poison", "seq", 1,
                "deaths", List.of(Map.of("queue", "q", "reason", "rejected", "count", 1L),
                        Map.of("queue", "q.retry", "reason", "expired", "count", 2L)));
        assertThat(EN.format(received)).isEqualTo("received #1 'poison' (x-death: q rejected ×1, q.retry expired ×2)");
        assertThat(ES.format(received)).isEqualTo("recibido #1 'poison' (x-death: q rejected ×1, q.retry expired ×2)");
    }
}
