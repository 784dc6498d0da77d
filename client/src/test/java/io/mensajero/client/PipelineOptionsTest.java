package io.mensajero.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The options a pipeline stage needs: a correlation id on producers, a next queue on workers. */
class PipelineOptionsTest {

    @Test
    void aWorkerCannotForwardToItsOwnQueueOrToNoQueue() {
        assertUsage(() -> Worker.builder().queue("orders.charge").forwardTo("orders.charge").build(),
                "cannot forward to the queue it consumes from ('orders.charge')");
        assertUsage(() -> Worker.builder().forwardTo(""), "the queue to forward to must be named");
        assertThat(Worker.builder().queue("orders.reserve").forwardTo("orders.charge").build().name()).isEqualTo("work");
    }

    @Test
    void aCorrelationIdTemplateMustNotBeEmpty() {
        assertUsage(() -> Producer.task().correlationId(""), "the correlation id must not be empty");
        assertThat(Producer.task().correlationId("order-{n}").build().name()).isEqualTo("task");
    }

    @Test
    void theCorrelationIdIsAddedOnlyWhenTheMessageHasOne() {
        assertThat(MessagingPattern.withCorrelation(null, "body", "b")).containsExactly("body", "b");
        assertThat(MessagingPattern.withCorrelation("order-1", "body", "b"))
                .containsExactly("body", "b", "correlationId", "order-1");
    }

    private static void assertUsage(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(MensajeroException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.USAGE);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
