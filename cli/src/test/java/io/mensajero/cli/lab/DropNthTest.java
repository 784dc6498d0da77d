package io.mensajero.cli.lab;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test-only fault injection the lab's tests use: {@code --drop-nth N} makes receive and work
 * handle their Nth delivery but never report it, so the message vanishes from the run.
 */
class DropNthTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private Broker broker;
    private String uri;

    @BeforeEach
    void start() {
        broker = Broker.start(BrokerConfig.builder().port(0).build());
        uri = "amqp://guest:guest@127.0.0.1:" + broker.port() + "/%2F";
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private List<ParticipantEvent> run(String... args) {
        try (Participant p = Participant.start(withUri(args))) {
            assertThat(p.waitFor(WAIT)).as("%s", p).isZero();
            return p.events();
        }
    }

    private String[] withUri(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--uri";
        all[args.length + 1] = uri;
        return all;
    }

    @Test
    void aReceiverHidesItsSecondDeliveryAndItsSummaryLeavesItOut() {
        run("send", "m{n}", "--queue", "drop", "--count", "3");
        List<ParticipantEvent> events = run("receive", "--queue", "drop", "--count", "3", "--drop-nth", "2");
        assertThat(events.stream().filter(e -> e.is("received")).map(e -> e.string("body") + "#" + e.number("seq")))
                .containsExactly("m1#1", "m3#2");
        ParticipantEvent summary = events.get(events.size() - 1);
        assertThat(summary.type()).isEqualTo("summary");
        assertThat(summary.number("received")).isEqualTo(2);
    }

    @Test
    void aWorkerAcksItsFirstDeliveryWithoutReportingIt() {
        run("task", "t{n}", "--queue", "drop-work", "--count", "2");
        List<ParticipantEvent> events = run("work", "--queue", "drop-work", "--count", "2", "--drop-nth", "1");
        assertThat(events.stream().filter(e -> e.is("received") || e.is("acked")).map(e -> e.type() + " " + e.string("body")))
                .containsExactly("received t2", "acked t2");
        ParticipantEvent summary = events.get(events.size() - 1);
        assertThat(summary.number("received")).isEqualTo(1);
        assertThat(summary.number("acked")).isEqualTo(1);
        List<ParticipantEvent> again = run("work", "--queue", "drop-work", "--idle-timeout", "500ms");
        assertThat(again.stream().filter(e -> e.is("received"))).as("the hidden one was acked: gone").isEmpty();
    }

    @Test
    void hidingAMessageThatIsPassedOnIsRefused() {
        try (Participant p = Participant.start(withUri("work", "--queue", "a", "--forward-to", "b", "--drop-nth", "1"))) {
            assertThat(p.waitFor(WAIT)).isEqualTo(2);
            assertThat(p.stderr()).contains("--drop-nth cannot hide a message that --forward-to passes on");
        }
    }
}
