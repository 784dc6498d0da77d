package io.mensajero.cli.process;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a participant printed before it was killed is still read. The reader here is slow (each
 * event takes it 10 ms) and the sender prints 400 events (about 60 KB), so when the process is
 * killed most of its lines are still in the pipe, beyond what the reader has buffered:
 * {@code Process.destroyForcibly()} would close the pipe and throw them away; kill() must not.
 * (A worker's {@code acked} printed just before its ack and a SIGKILL: the chaos test counted such
 * tasks as lost.)
 */
class ParticipantKillKeepsItsOutputTest {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int COUNT = 400;

    @Test
    void eventsPrintedBeforeTheKillAreAllRead() throws InterruptedException {
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).build())) {
            String uri = "amqp://guest:guest@127.0.0.1:" + broker.port() + "/%2F";
            AtomicInteger seen = new AtomicInteger();
            try (Participant sender = Participant.start(java.util.List.of("send", "m{n}", "--queue", "kill-keeps",
                    "--count", Integer.toString(COUNT), "--uri", uri), e -> {
                        seen.incrementAndGet();
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    })) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (sender.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(sender.isAlive()).as("the sender finished its %d messages", COUNT).isFalse();
                assertThat(seen.get()).as("events read when the process ended (the reader is slow)").isLessThan(COUNT);
                sender.kill();
                assertThat(sender.waitFor(WAIT)).isZero();
                assertThat(sender.events("sent")).as("%s", sender).hasSize(COUNT);
                assertThat(sender.events("summary")).hasSize(1);
            }
        }
    }
}
