package io.mensajero.scenarios.lab;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's verdicts come from what the participants report, not from what they are expected to
 * report: a receiver, then a worker, told to drop a message on purpose (the hidden, test-only
 * {@code --drop-nth}) make their scenarios report that message lost and fail, with a non-zero exit.
 */
class LabReportsADroppedMessageAsLost {

    @EachBroker
    void aDroppedMessageIsReportedLostAndTheScenarioFails(BrokerUnderTest broker) {
        LabRun run = LabRun.of("two-receivers", "asynchrony", "hello", "--uri", broker.uri(),
                "--drop-nth", "two-receivers/b=2", "--drop-nth", "asynchrony/worker=3");

        assertThat(run.exitCode).as("%s", run).isEqualTo(8);
        // Receiver b's second message is message 3 or 4, depending on who the broker served first.
        String two = run.block("two-receivers");
        Matcher dropped = Pattern.compile("message (\\d) \\(LOST\\)").matcher(two);
        assertThat(dropped.find()).as("%s", run).isTrue();
        assertThat(dropped.group(1)).isIn("3", "4");
        assertThat(two).contains("Verdict: ✗ NOT as RabbitMQ documents.")
                .contains("✗ every message the broker confirmed was received exactly once (lost: message "
                        + dropped.group(1) + ";")
                .contains("✗ the two receivers took turns")
                .containsPattern("receiver b +receive +received message \\d, message \\d · SIGINT");
        String asynchrony = run.block("asynchrony");
        assertThat(asynchrony).as("%s", run).contains("Verdict: ✗ NOT as RabbitMQ documents.")
                .contains("task 3 (LOST)")
                .contains("✗ every message the broker confirmed was received exactly once (lost: task 3;");
        assertThat(run.summaryLine("two-receivers")).startsWith("  ✗");
        assertThat(run.summaryLine("asynchrony")).startsWith("  ✗");
        assertThat(run.summaryLine("hello")).as("a scenario without the fault still passes").startsWith("  ✓");
        assertThat(run.out).contains("1 of 3 scenarios behaved as RabbitMQ documents, 2 did not");
    }
}
