package io.mensajero.scenarios.lab;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's lab scenario {@code poison-message}, in English and in Spanish: the poison task
 * crashes its workers (exit 70), the good tasks are all acked, and the poison task ends in the
 * dead-letter queue with the work queue's rejection and the retry queue's expiry in its x-death
 * history, shown on the dead-letter receiver's lane.
 */
class PoisonMessageEndsInTheDeadLetterQueue {
    static final String SCENARIO = "poison-message";

    @EachBroker
    void inEnglish(BrokerUnderTest broker) {
        LabRun run = LabRun.inLanguage("en", "--uri", broker.uri(), SCENARIO);

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(oneLine(run.block(SCENARIO))).as("%s", run).contains("Verdict: ✓ as RabbitMQ documents.")
                .contains("exited with code 70")
                .containsPattern("received poison \\(x-death: task_queue\\.lab-[0-9a-f]{6}-\\d+ rejected ×1,")
                .containsPattern("task_queue\\.retry\\.lab-[0-9a-f]{6}-\\d+ expired ×1\\)")
                .contains("acked job 1, job 2, job 3, job 4");
    }

    @EachBroker
    void inSpanish(BrokerUnderTest broker) {
        LabRun run = LabRun.inLanguage("es", "--uri", broker.uri(), SCENARIO);

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(oneLine(run.block(SCENARIO))).as("%s", run).contains("Veredicto: ✓")
                .contains("terminó con código 70")
                .containsPattern("recibió veneno \\(x-death: task_queue\\.lab-[0-9a-f]{6}-\\d+ rejected ×1,");
    }

    /** The block with its wrapped lines joined (the text table wraps at its own width). */
    private static String oneLine(String block) {
        return block.replaceAll("\\s+", " ");
    }
}
