package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static io.mensajero.scenarios.support.FixedNames.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bloque A as the course runs it (the scripts re-created from the course's; the port comes from
 * the pika shim): consumer-a.py and consumer-b.py
 * side by side on {@code hello}, then the staged producer.py, stopped with Ctrl-C in the middle
 * of stage 2. The producer says it stops and exits 0; the two consumers together got exactly the
 * messages of the stages the producer reported, each once, alternating between them.
 */
class PikaStagedProducerStopsAndConsumersAlternate {
    private static final String HELLO = "hello";
    private static final String STOPPING = "Deteniendo el envío de mensajes...";
    private static final Pattern STARTED = Pattern.compile("Iniciando etapa (\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Etapa (\\d+) completada");
    private static final Pattern MESSAGE = Pattern.compile("Etapa (\\d+) - Mensaje (\\d+)");
    private static final int MESSAGES_PER_STAGE = 3;

    @EachBroker
    void sigintInStageTwo(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> attempt(broker));
    }

    private static void attempt(BrokerUnderTest broker) {
        BrokerState.deleteQueue(broker, HELLO);
        String marker = Names.unique("end-marker");
        try (ForeignProcess a = ForeignProcess.pika(broker, "course/ejercicio-bloque-a/consumer-a.py");
             ForeignProcess b = ForeignProcess.pika(broker, "course/ejercicio-bloque-a/consumer-b.py")) {
            List<ForeignProcess> consumers = List.of(a, b);
            Supplier<String> witness = FixedNames.queueGoneOrConsumerEnded(broker, HELLO, a, b);
            awaitTwoConsumers(broker);

            List<String> producerLines;
            try (ForeignProcess producer = ForeignProcess.pika(broker, "course/ejercicio-bloque-a/producer.py")) {
                producer.awaitLine("Iniciando etapa 2", WAIT);
                // Messages go out 1 s apart: stop right after stage 2's first one arrived.
                FixedNames.await(broker, () -> awaitAny(consumers, "Etapa 2 - Mensaje 1"), witness);
                producer.interrupt();
                assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                producerLines = producer.lines();
            }
            assertThat(producerLines).as("the producer's output").containsExactly(
                    "Iniciando etapa 1", "Etapa 1 completada", "Iniciando etapa 2", STOPPING);
            expect(broker, BrokerState.consumers(broker, HELLO) == 2,
                    "hello should have exactly consumer-a.py and consumer-b.py, but has "
                            + BrokerState.consumers(broker, HELLO) + " consumer(s)");

            // The producer closed its connection: everything it sent is in hello, ahead of the
            // markers. Once each consumer printed a marker, it printed all it got before it.
            FixedNames.await(broker, () -> awaitMarkers(broker, marker, consumers), witness);
            String interfered = broker.isRabbitMq() ? witness.get() : null;
            expect(broker, interfered == null, String.valueOf(interfered));
            assertThat(BrokerState.messages(broker, HELLO)).as("auto-ack: nothing left in hello").isZero();

            Map<String, String> receiver = new HashMap<>();
            List<String> received = new ArrayList<>();
            for (ForeignProcess consumer : consumers) {
                for (String line : consumer.lines()) {
                    if (line.startsWith(marker)) {
                        continue;
                    }
                    expect(broker, MESSAGE.matcher(line).matches(),
                            "a consumer printed a message the producer did not send: '" + line + "'; " + consumer);
                    expect(broker, receiver.put(line, consumer.name()) == null,
                            "'" + line + "' arrived twice (or another producer.py ran): " + consumers);
                    received.add(line);
                }
            }
            List<String> expected = expectedMessages(producerLines, received);
            assertThat(received).as("what the consumers got, against what the producer reported")
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (int i = 1; i < expected.size(); i++) {
                assertThat(receiver.get(expected.get(i)))
                        .as("'%s' went to the other consumer than '%s' did", expected.get(i), expected.get(i - 1))
                        .isNotEqualTo(receiver.get(expected.get(i - 1)));
            }
            for (ForeignProcess consumer : consumers) {
                assertThat(consumer.lines().stream().filter(line -> MESSAGE.matcher(line).matches()))
                        .as("each consumer prints its messages in the order they were sent: %s", consumer)
                        .isSortedAccordingTo((x, y) -> Integer.compare(order(x), order(y)));
                consumer.interrupt();
                assertThat(consumer.waitFor(WAIT)).as("%s", consumer).isZero();
                assertThat(consumer.lines()).last().as("%s", consumer).isEqualTo("Interrupted");
            }
        } finally {
            BrokerState.deleteQueue(broker, HELLO);
        }
    }

    /**
     * The messages the producer's output accounts for: all of each stage it reported completed,
     * and, of the one stage it started but did not complete, messages 1..k for the k the
     * consumers saw (it prints no line per message). Nothing of stages it never started.
     */
    private static List<String> expectedMessages(List<String> producerLines, List<String> received) {
        List<Integer> started = numbers(producerLines, STARTED);
        List<Integer> completed = numbers(producerLines, COMPLETED);
        List<String> expected = new ArrayList<>();
        for (int stage : started) {
            int count = MESSAGES_PER_STAGE;
            if (!completed.contains(stage)) {
                assertThat(stage).as("only the last stage started may be incomplete").isEqualTo(started.get(started.size() - 1));
                String prefix = "Etapa " + stage + " - ";
                count = (int) received.stream().filter(line -> line.startsWith(prefix)).count();
                assertThat(count).as("messages of the interrupted stage %d", stage).isBetween(1, MESSAGES_PER_STAGE);
            }
            for (int message = 1; message <= count; message++) {
                expected.add("Etapa " + stage + " - Mensaje " + message);
            }
        }
        return expected;
    }

    private static List<Integer> numbers(List<String> lines, Pattern pattern) {
        List<Integer> numbers = new ArrayList<>();
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        return numbers;
    }

    private static int order(String message) {
        Matcher m = MESSAGE.matcher(message);
        if (!m.matches()) {
            throw new IllegalArgumentException(message);
        }
        return (Integer.parseInt(m.group(1)) - 1) * MESSAGES_PER_STAGE + Integer.parseInt(m.group(2));
    }

    private static void awaitTwoConsumers(BrokerUnderTest broker) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (BrokerState.consumers(broker, HELLO) < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumer-a.py and consumer-b.py never both consumed from hello");
            }
            sleep(50);
        }
        expect(broker, BrokerState.consumers(broker, HELLO) == 2,
                "hello has " + BrokerState.consumers(broker, HELLO) + " consumers, not just consumer-a/b.py");
    }

    private static void awaitAny(List<ForeignProcess> consumers, String line) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (consumers.stream().noneMatch(c -> c.lines().contains(line))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no consumer printed '" + line + "': " + consumers);
            }
            sleep(10);
        }
    }

    /** Publishes markers to hello until each consumer printed one. */
    private static void awaitMarkers(BrokerUnderTest broker, String marker, List<ForeignProcess> consumers) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int n = 1; !consumers.stream().allMatch(c -> c.lines().stream().anyMatch(l -> l.startsWith(marker))); n++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the consumers did not both print a marker: " + consumers);
            }
            BrokerState.publish(broker, "", HELLO, marker + " " + n, WAIT);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
