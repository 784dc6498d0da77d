package io.mensajero.scenarios.wire;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fuzzing Mensajero's broker (not a differential scenario: it starts its own broker). 10,000
 * misbehaving connections, each from its own seed ({@link FuzzCase}): header garbage, random octets
 * during and after the handshake, corrupted, truncated and oversized frames, random method ids and
 * random field tables. Each one must be answered as a broker should ({@link FuzzConnection#assertAcceptable()}:
 * connection.close with a 5xx code, the protocol header for header garbage, a bare close only where
 * RabbitMQ does that too) and then closed by the broker. After every batch a fresh amqp-client
 * connection must still work; at the end the JVM's threads, heap and open file descriptors (the
 * broker's sockets are in this process) must be back near where they were.
 *
 * <p>Skipped when {@code -Dbrokers} leaves mensajero out. Replay: {@code -Dfuzz.seed=N} changes
 * the run, {@code -Dfuzz.case=I} plays case I alone, {@code -Dfuzz.cases=N} sets how many,
 * {@code -Dfuzz.threads=N} how many at once. With a
 * correct broker the 10,000 cases take about 10 s; every connection left open costs seconds.
 */
class RandomFramesNeverHurtTheBroker {
    private static final long SEED = Long.getLong("fuzz.seed", 20_260_126L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
    private static final int ONLY = Integer.getInteger("fuzz.case", -1);
    private static final int BATCHES = 10;
    /**
     * Connections played at once. Most cases take milliseconds, but a few hundred wait out a silent
     * close (1-2 s each: the handshake garbage, which the broker answers with nothing): with 32 threads
     * those waits overlap (measured: 3-5 s a batch instead of 5-6 s with 8, docs/benchmarks.md).
     */
    private static final int THREADS = Integer.getInteger("fuzz.threads", 32);
    private static final int MAX_FAILURES = 200;

    @Test
    void randomFramesNeverHurtTheBroker() throws Exception {
        assumeTrue(Arrays.asList(System.getProperty("brokers", "mensajero").split(",")).contains("mensajero"),
                "-Dbrokers leaves Mensajero out, and this fuzzes Mensajero's broker only");
        long start = System.nanoTime();
        Map<String, Integer> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Broker broker = Broker.start(BrokerConfig.builder().port(0).build())) {
            if (ONLY >= 0) {
                failures.addAll(runBatch(pool, broker.port(), ONLY, 1, tally));
                assertBrokerServes(broker.port());
                assertThat(failures).as("case " + ONLY + " answered " + tally).isEmpty();
                return;
            }
            int perBatch = (CASES + BATCHES - 1) / BATCHES;
            Footprint before = null;
            for (int first = 0; first < CASES; first += perBatch) {
                failures.addAll(runBatch(pool, broker.port(), first, Math.min(perBatch, CASES - first), tally));
                assertBrokerServes(broker.port());
                if (failures.size() > MAX_FAILURES) {
                    break; // broken enough: do not spend minutes on the rest
                }
                if (before == null) {
                    before = Footprint.measure(); // after the first batch: classes loaded, pools warm
                }
            }
            Footprint after = Footprint.measure();
            System.out.printf("fuzzing: %d cases (seed %d) in %d ms; answers %s%n  footprint before %s, after %s%n",
                    CASES, SEED, (System.nanoTime() - start) / 1_000_000, tally, before, after);
            assertThat(failures).withFailMessage(() -> summary(failures)).isEmpty();
            assertThat(after.threads()).as("live threads").isLessThanOrEqualTo(before.threads() + 4);
            assertThat(after.heapBytes()).as("heap used after GC").isLessThanOrEqualTo(before.heapBytes() + 32L * 1024 * 1024);
            if (before.fileDescriptors() >= 0) {
                assertThat(after.fileDescriptors()).as("open file descriptors (sockets)")
                        .isLessThanOrEqualTo(before.fileDescriptors() + 16);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Plays cases [first, first + count) on the pool, then waits for each socket's end of stream; returns the failures. */
    private static List<String> runBatch(ExecutorService pool, int port, int first, int count, Map<String, Integer> tally)
            throws Exception {
        long start = System.nanoTime();
        ConcurrentLinkedQueue<FuzzConnection> played = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            FuzzCase fuzzCase = FuzzCase.generate(SEED, i);
            futures.add(pool.submit(() -> {
                try {
                    played.add(FuzzConnection.play(fuzzCase, port));
                } catch (Exception | AssertionError e) {
                    throw new AssertionError(fuzzCase + ": " + e, e);
                }
                return null;
            }));
        }
        List<String> failures = new ArrayList<>();
        try {
            for (Future<?> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(String.valueOf(e.getCause().getMessage()));
                }
            }
            long playedAt = System.nanoTime();
            long awaiting = played.stream().filter(FuzzConnection::awaitingEof).count();
            List<Future<String>> checks = new ArrayList<>();
            for (FuzzConnection run : played) {
                checks.add(pool.submit(() -> {
                    try {
                        if (run.awaitingEof()) {
                            run.awaitEof();
                        }
                        run.assertAcceptable();
                        return null;
                    } catch (Exception | AssertionError e) {
                        return String.valueOf(e.getMessage());
                    }
                }));
            }
            for (Future<String> check : checks) {
                String failure = check.get(60, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            System.out.printf("fuzzing: cases %d+ played in %d ms (%d then awaiting EOF), EOFs seen in %d ms%n", first,
                    (playedAt - start) / 1_000_000, awaiting, (System.nanoTime() - playedAt) / 1_000_000);
            for (FuzzConnection run : played) {
                if (run.verdict() != null) {
                    tally.merge(run.fuzzCase.kind() + "=" + run.verdict()
                            + (run.verdict() == FuzzConnection.Verdict.CLOSED ? " " + run.replyCode() : ""), 1, Integer::sum);
                }
            }
        } finally {
            played.forEach(FuzzConnection::abandon);
        }
        return failures;
    }

    private static String summary(List<String> failures) {
        Map<String, Integer> byKind = new TreeMap<>();
        for (String failure : failures) {
            String[] words = failure.split(" ", 4);
            byKind.merge(words.length > 2 ? words[2] : "?", 1, Integer::sum);
        }
        return failures.size() + " misbehaving connections not handled as they should be " + byKind
                + " (replay one with -Dfuzz.case=N); the first ones:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(20, failures.size())));
    }

    /** A normal amqp-client connection still works: declare, publish, get. */
    private static void assertBrokerServes(int port) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        try (com.rabbitmq.client.Connection connection = factory.newConnection()) {
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.basicPublish("", queue, null, "still here".getBytes(StandardCharsets.UTF_8));
            GetResponse response = null;
            for (int i = 0; i < 50 && response == null; i++) {
                response = channel.basicGet(queue, true);
                if (response == null) {
                    Thread.sleep(20);
                }
            }
            assertThat(response).as("the message just published").isNotNull();
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("still here");
        }
    }

    /** What this JVM (client and broker alike) holds: live threads, heap used after GC, open fds (-1 if unknown). */
    record Footprint(int threads, long heapBytes, long fileDescriptors) {
        static Footprint measure() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            return new Footprint(ManagementFactory.getThreadMXBean().getThreadCount(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), openFileDescriptors());
        }

        private static long openFileDescriptors() {
            Path fds = Path.of("/proc/self/fd");
            if (!Files.isDirectory(fds)) {
                return -1;
            }
            try (Stream<Path> list = Files.list(fds)) {
                return list.count();
            } catch (java.io.IOException e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return threads + " threads, " + heapBytes / 1024 + " KiB heap, " + fileDescriptors + " fds";
        }
    }
}
