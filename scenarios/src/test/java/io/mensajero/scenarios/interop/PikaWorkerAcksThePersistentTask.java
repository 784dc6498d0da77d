package io.mensajero.scenarios.interop;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;

import java.nio.charset.StandardCharsets;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static io.mensajero.scenarios.support.FixedNames.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * producer-v2.py, then consumer-v2.py (the project's re-creations of the course's scripts, run as
 * the course runs them, the port and pika 1.2's missing DeliveryMode given by the pika shim): the
 * task waits, persistent, in the durable {@code task_queue}; the worker (prefetch 1, manual ack)
 * prints it and acks it, and the broker accepts the ack, since the worker then gets the next task.
 */
class PikaWorkerAcksThePersistentTask {
    private static final String TASK_QUEUE = "task_queue";
    private static final String RECEIVED = "Work assignment received PAYROLL_RUN_ID";

    @EachBroker
    void producerThenWorker(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> attempt(broker));
    }

    private static void attempt(BrokerUnderTest broker) {
        BrokerState.deleteQueue(broker, TASK_QUEUE);
        try {
            produce(broker);
            expect(broker, BrokerState.consumers(broker, TASK_QUEUE) == 0 && BrokerState.messages(broker, TASK_QUEUE) == 1,
                    "task_queue should hold the one task with no consumer, but has "
                            + BrokerState.messages(broker, TASK_QUEUE) + " message(s) and "
                            + BrokerState.consumers(broker, TASK_QUEUE) + " consumer(s)");

            // pika declared it durable: declaring it non-durable is an equivalence error.
            ShutdownSignalException refusal = BrokerState.declareRefusal(broker, TASK_QUEUE, false);
            expect(broker, refusal != null, "task_queue was gone (or not durable) when redeclared non-durable");
            assertThat(refusal.getReason().protocolMethodName()).isEqualTo("channel.close");
            assertThat(((AMQP.Channel.Close) refusal.getReason()).getReplyCode()).isEqualTo(406);
            assertThat(refusal.getMessage()).contains("inequivalent arg 'durable' for queue 'task_queue'");

            // The task is persistent (delivery_mode=2). Peeking requeues it.
            GetResponse task = BrokerState.peek(broker, TASK_QUEUE);
            expect(broker, task != null, "task_queue lost its task before the worker came");
            assertThat(new String(task.getBody(), StandardCharsets.UTF_8)).isEqualTo("PAYROLL_RUN_ID");
            assertThat(task.getProps().getDeliveryMode()).isEqualTo(2);
            assertThat(BrokerState.messages(broker, TASK_QUEUE)).as("peeked task requeued").isEqualTo(1);

            try (ForeignProcess worker = ForeignProcess.pika(broker, "course/consumer-v2.py")) {
                FixedNames.await(broker, () -> worker.awaitLine(RECEIVED, WAIT),
                        FixedNames.queueGoneOrConsumerEnded(broker, TASK_QUEUE, worker));
                expect(broker, BrokerState.consumers(broker, TASK_QUEUE) == 1,
                        "task_queue should have consumer-v2.py as its only consumer, but has "
                                + BrokerState.consumers(broker, TASK_QUEUE));
                assertThat(BrokerState.messages(broker, TASK_QUEUE)).isZero();

                // With prefetch 1 the next task only comes once the broker took the first ack;
                // a refused ack (406 unknown delivery tag) would have closed the worker's channel.
                produce(broker);
                FixedNames.await(broker, () -> worker.awaitLines(RECEIVED, 2, WAIT),
                        FixedNames.queueGoneOrConsumerEnded(broker, TASK_QUEUE, worker));
                assertThat(BrokerState.messages(broker, TASK_QUEUE)).isZero();
                expect(broker, worker.lines().stream().allMatch(RECEIVED::equals),
                        "consumer-v2.py printed a task nobody in this scenario sent: " + worker.lines());
                assertThat(worker.lines()).as("%s", worker).containsExactly(RECEIVED, RECEIVED);
            }
            BrokerState.awaitConsumers(broker, TASK_QUEUE, 0, WAIT);
        } finally {
            BrokerState.deleteQueue(broker, TASK_QUEUE);
        }
    }

    private static void produce(BrokerUnderTest broker) {
        try (ForeignProcess producer = ForeignProcess.pika(broker, "course/producer-v2.py")) {
            assertThat(producer.succeed(WAIT)).containsExactly("Event sent: PAYROLL_RUN_ID");
        }
    }
}
