package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.model.QueueFlow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection's side of flow control, with a clock the test moves by hand. */
class ConnectionFlowTest {
    private long now = 5_000;
    private final List<Boolean> reading = new ArrayList<>();
    private ConnectionFlow flow;

    ConnectionFlowTest() {
        flow = new ConnectionFlow(() -> now, () -> reading.add(!flow.held()));
    }

    @Test
    void aConnectionNeverHeldIsRunning() {
        assertThat(flow.held()).isFalse();
        assertThat(flow.inFlow()).isFalse();
        assertThat(reading).isEmpty();
    }

    @Test
    void itIsReadAgainOnlyWhenEveryQueueThatHeldItGrantsAgain() {
        QueueFlow a = new QueueFlow();
        QueueFlow b = new QueueFlow();
        flow.held(a);
        flow.held(b);
        assertThat(reading).as("stopped once").containsExactly(false);
        flow.released(a);
        assertThat(flow.held()).isTrue();
        assertThat(reading).containsExactly(false);
        flow.released(b);
        assertThat(flow.held()).isFalse();
        assertThat(reading).containsExactly(false, true);
        flow.released(b);
        assertThat(reading).as("a second release changes nothing").containsExactly(false, true);
    }

    @Test
    void rabbitMqShowsFlowWhileHeldAndForASecondAfterTheHoldBegan() {
        QueueFlow a = new QueueFlow();
        flow.held(a);
        now += 5_000;
        assertThat(flow.inFlow()).as("held, however long").isTrue();
        flow.released(a);
        assertThat(flow.inFlow()).as("the hold began more than a second ago").isFalse();

        flow.held(a);
        now += 300;
        flow.released(a);
        assertThat(flow.inFlow()).as("released, but held less than a second ago").isTrue();
        now += ConnectionFlow.SHOWN_MILLIS - 300 - 1;
        assertThat(flow.inFlow()).isTrue();
        now += 1;
        assertThat(flow.inFlow()).isFalse();
    }
}
