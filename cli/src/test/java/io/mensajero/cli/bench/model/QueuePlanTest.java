package io.mensajero.cli.bench.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queues, routing keys, queue arguments and the body layout, as PerfTest has them. */
class QueuePlanTest {

    @Test
    void oneRoutingKeyEachConsumerDeclaresItsQueue() {
        QueuePlan shared = QueuePlan.fixed("orders", null);
        assertThat(shared.consumersDeclare()).isTrue();
        assertThat(shared.consumerQueue(0)).isEqualTo("orders");
        assertThat(shared.consumerQueue(5)).isEqualTo("orders");
        assertThat(shared.producerRoutingKey(0)).isEqualTo(shared.producerRoutingKey(3)).isEqualTo(shared.bindingKey("orders"));
        assertThat(shared.declaredUpFront(2)).isEmpty();
        assertThat(shared.declaredUpFront(0)).as("without consumers the queue is declared up front").containsExactly("orders");

        QueuePlan own = QueuePlan.fixed(null, "k");
        assertThat(own.consumerQueue(0)).isEmpty();
        assertThat(own.declaredUpFront(0)).isEmpty();
        assertThat(own.bindingKey("amq.gen-1")).isEqualTo("k");
    }

    @Test
    void aSequenceSpreadsProducersAndConsumersRoundRobin() {
        QueuePlan plan = QueuePlan.sequence("perf-test-%d", 1, 3);
        assertThat(plan.declaredUpFront(5)).containsExactly("perf-test-1", "perf-test-2", "perf-test-3");
        assertThat(plan.consumersDeclare()).isFalse();
        assertThat(plan.consumerQueue(0)).isEqualTo("perf-test-1");
        assertThat(plan.consumerQueue(4)).isEqualTo("perf-test-2");
        assertThat(plan.producerRoutingKey(2)).isEqualTo("perf-test-3");
        assertThat(plan.producerRoutingKey(3)).isEqualTo("perf-test-1");
        assertThat(plan.bindingKey("perf-test-2")).isEqualTo("perf-test-2");
        assertThat(plan.describe()).isEqualTo("perf-test-1 .. perf-test-3 (3 queues)");
        assertThat(QueuePlan.sequence("q-%03d", 7, 7).sequenceNames()).containsExactly("q-007");
    }

    @Test
    void badSequencesAreRefused() {
        assertThatThrownBy(() -> QueuePlan.sequence("q-%d", 3, 1)).hasMessageContaining("greater than");
        assertThatThrownBy(() -> QueuePlan.sequence("q", 1, 2)).hasMessageContaining("%d");
        assertThatThrownBy(() -> QueuePlan.sequence("q-%s-%s", 1, 2)).hasMessageContaining("not a pattern");
    }

    @Test
    void queueArgumentsAreTyped() {
        assertThat(QueueArguments.parse("x-max-length=10, x-message-ttl=-1 ,x-queue-mode=lazy,x-single-active-consumer=false"))
                .containsExactly(Map.entry("x-max-length", 10L), Map.entry("x-message-ttl", -1L),
                        Map.entry("x-queue-mode", "lazy"), Map.entry("x-single-active-consumer", false));
        assertThat(QueueArguments.parse(null)).isEmpty();
        assertThat(QueueArguments.parse(" ")).isEmpty();
        assertThat(QueueArguments.parse("x-dead-letter-exchange=")).containsEntry("x-dead-letter-exchange", "");
        assertThatThrownBy(() -> QueueArguments.parse("a=1,a=2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> QueueArguments.parse("a")).hasMessageContaining("key=value");
    }

    @Test
    void theBodyIsLaidOutAsPerfTestLaysItOut() throws IOException {
        byte[] body = new byte[20];
        MessageLayout.stamp(body, 123456, 987654321012345L);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        data.writeInt(123456);
        data.writeLong(987654321012345L);
        data.write(new byte[8]);
        assertThat(body).isEqualTo(expected.toByteArray());
        assertThat(MessageLayout.sequence(body)).isEqualTo(123456);
        assertThat(MessageLayout.sendTime(body)).isEqualTo(987654321012345L);
        assertThat(MessageLayout.sendTime(new byte[11])).isEqualTo(Long.MIN_VALUE);
        MessageLayout.stamp(body, -1, -5L);
        assertThat(MessageLayout.sendTime(body)).isEqualTo(-5L);
    }
}
