package io.mensajero.scenarios.chaos;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One chaos run against a {@link ChaosBroker}: workers with an ack delay work on persistent tasks
 * that a publisher sends with confirms; meanwhile a random worker is SIGKILLed every 1-2 s and
 * started again, and the broker (one node of a cluster) is killed and started again every so
 * often. Everyone is given the broker's addresses with recovery on. When the publisher is done and
 * the kill quotas are met, the run waits until every confirmed task was acked and the queue is
 * empty, then stops the workers and counts: lost (confirmed, never acked), duplicates, and what
 * the reconnections cost. The participants are real {@code mensajero} processes.
 *
 * <p>When tasks are lost, the report says where they might be: the broker's own view of the queue
 * while the workers still ran ({@link BrokerView}: ready, unacked, consumers and whose connection
 * each is on), whether the lost tasks came back into the queue once the workers had stopped (then
 * a live connection held them), and each lost task's history from the {@link Journal}.
 */
final class ChaosRun {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration TICK = Duration.ofMillis(100);
    /** The queue empty, no worker holding a task, the broker up, this long: a task still not acked is lost. */
    private static final Duration QUIET = Duration.ofSeconds(60);
    private static final Set<String> BULK = Set.of("sent", "received", "acked", "abandoned");
    private static final Predicate<ParticipantEvent> KEEP = e -> !BULK.contains(e.type());

    private final ChaosSettings settings;
    private final ChaosBroker broker;
    private final Random random;
    private final String queue = Names.unique("chaos");
    private final Journal journal;
    private final Tally tally;
    /** Every process started, with its label (w2.5, publisher), to tell whose a client port is. */
    private final Map<Participant, String> labels = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> diagnosis = new ArrayList<>();
    private final Whereabouts whereabouts;
    private final ConnectionAudit audit;
    private final List<Slot> slots = new ArrayList<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> restartMs = Collections.synchronizedList(new ArrayList<>());
    private Participant publisher;
    private int workerKills;
    private int brokerKills;
    private long quietSince;
    private long quietCheckedAt;

    ChaosRun(ChaosSettings settings, ChaosBroker broker) {
        this.settings = settings;
        this.broker = broker;
        this.random = new Random(settings.seed());
        this.journal = Journal.open(broker.name());
        this.tally = new Tally(settings.tasks(), journal);
        this.whereabouts = new Whereabouts(broker, queue, journal, labels);
        this.audit = new ConnectionAudit(broker, journal, labels);
    }

    /** One worker's place: the process running now, and every process it ever ran. */
    private final class Slot {
        final String name;
        final List<Participant> incarnations = new ArrayList<>();
        Participant current;
        AtomicInteger holding;
        /** The body of the current process's latest delivery. */
        volatile String lastReceived;

        Slot(String name) {
            this.name = name;
        }

        void start() {
            AtomicInteger held = new AtomicInteger();
            String label = name + "." + (incarnations.size() + 1);
            List<String> args = new ArrayList<>(List.of("work", "--queue", queue, "--ack-delay",
                    settings.ackDelay().toMillis() + "ms", "--name", name));
            args.addAll(connection());
            lastReceived = null;
            current = Participant.start(args, e -> {
                tally.worker(e, held, label);
                if (e.is("received")) {
                    lastReceived = e.string("body");
                }
            }, KEEP);
            holding = held;
            incarnations.add(current);
            labels.put(current, label);
            journal.action("started", label + " pid " + current.pid());
        }

        String label() {
            return labels.get(current);
        }
    }

    ChaosReport run() {
        long start = System.nanoTime();
        ExecutorService restarter = Executors.newSingleThreadExecutor();
        try {
            for (int i = 1; i <= settings.workers(); i++) {
                Slot slot = new Slot("w" + i);
                slot.start();
                slots.add(slot);
            }
            for (Slot slot : slots) {
                slot.current.awaitEvent("consuming", START);
            }
            List<String> args = new ArrayList<>(List.of("task", "t{n}", "--queue", queue, "--count",
                    Integer.toString(settings.tasks()), "--name", "publisher"));
            if (settings.rate() > 0) {
                args.addAll(List.of("--rate", Double.toString(settings.rate())));
            }
            args.addAll(connection());
            publisher = Participant.start(args, tally::publisher, KEEP);
            labels.put(publisher, "publisher");
            journal.action("started", "publisher pid " + publisher.pid());
            boolean drained = chaos(restarter) && drain();
            if (!drained || !tally.lost().isEmpty()) {
                // before the workers stop: what the broker holds for whom while they still run
                diagnosis.addAll(whereabouts.brokerView());
            }
            journal.action("stopping", "the workers are asked to stop (SIGINT)");
            for (Slot slot : slots) {
                settle(slot.current);
                slot.current.interrupt();
            }
            for (Slot slot : slots) {
                int code = slot.current.waitFor(START);
                if (code != 0) {
                    problems.add(slot.name + " exited " + code + " when stopped: " + slot.current.describe());
                }
            }
            if (!drained) {
                problems.add("in the end the queue still held " + broker.ready(queue) + " messages and "
                        + tally.lost().size() + " confirmed tasks were not acked");
            }
            List<Integer> lost = tally.lost();
            if (!lost.isEmpty()) {
                problems.add("lost: " + lost.stream().limit(20).map(tally::trace).toList());
                diagnosis.addAll(whereabouts.afterTheWorkersStopped(lost, settings.tasks()));
            }
            return report(start);
        } finally {
            journal.close(!diagnosis.isEmpty() || !problems.isEmpty());
            restarter.shutdownNow();
            slots.forEach(s -> s.incarnations.forEach(Participant::close));
            if (publisher != null) {
                publisher.close();
            }
            broker.deleteQueue(queue);
        }
    }

    /**
     * The kills: a worker every 1-2 s while there is work left (and until the quota is met), the
     * broker until its quota is met; false when it ran out of time. The 1-2 s count from the moment
     * every worker consumes again: on a loaded machine, where a JVM takes seconds to start, killing
     * on the clock alone would kill the workers faster than they come back and the work would stop.
     */
    private boolean chaos(ExecutorService restarter) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Future<?> restarting = null;
        long nextBrokerKill = System.nanoTime() + settings.firstBrokerKill().toNanos();
        long nextWorkerKill = 0;
        while (true) {
            boolean brokerUp = restarting == null || restarting.isDone();
            if (restarting != null && restarting.isDone()) {
                rethrow(restarting);
                if (nextBrokerKill == Long.MAX_VALUE) {
                    nextBrokerKill = System.nanoTime() + settings.brokerKillGap().toNanos();
                }
            }
            if (!publisher.isAlive() && publisher.waitFor(START) != 0) {
                throw new AssertionError("the publisher failed (exit " + publisher.waitFor(START) + "): "
                        + publisher.describe());
            }
            boolean workLeft = publisher.isAlive() || !tally.allConfirmedAcked() && !lostForGood(brokerUp);
            if (!workLeft && brokerUp && workerKills >= settings.workerKills() && brokerKills >= settings.brokerKills()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                problems.add("the chaos did not end within " + settings.timeout() + " (work " + (workLeft ? "left" : "done")
                        + ", " + workerKills + " worker kills, " + brokerKills + " broker kills, broker "
                        + (brokerUp ? "up" : "restarting") + ", the queue holds " + broker.ready(queue) + ")");
                if (restarting != null) {
                    rethrow(restarting);    // the broker is left running
                }
                return false;
            }
            pause(TICK);
            audit.maybeCheck(brokerUp);
            restartWorkersThatDied();
            if (!allWorkersConsume()) {
                nextWorkerKill = 0;
            } else if (nextWorkerKill == 0) {
                nextWorkerKill = System.nanoTime() + settings.killEvery().toNanos()
                        + (long) (random.nextDouble() * settings.killJitter().toNanos());
            } else if (System.nanoTime() >= nextWorkerKill && (workLeft || workerKills < settings.workerKills())
                    && killAWorker(workLeft)) {
                nextWorkerKill = 0;
            }
            if (brokerUp && System.nanoTime() >= nextBrokerKill && brokerKills < settings.brokerKills()) {
                int node = victimNode();
                journal.action("kill-broker", "node " + node);
                broker.kill(node);
                brokerKills++;
                System.out.printf("[chaos %s] broker node %d killed (%d), %d worker kills so far, %d tasks acked%n",
                        broker.name(), node, brokerKills, workerKills, tally.ackedTasks());
                restarting = restarter.submit(() -> {
                    long from = System.nanoTime();
                    broker.restart(node);
                    restartMs.add((System.nanoTime() - from) / 1_000_000);
                    journal.action("broker-back", "node " + node + " after " + restartMs.get(restartMs.size() - 1) + " ms");
                });
                nextBrokerKill = Long.MAX_VALUE;
            }
        }
        int code = publisher.waitFor(START);
        if (code != 0) {
            throw new AssertionError("the publisher failed (exit " + code + "): " + publisher.describe());
        }
        return true;
    }

    /** Every worker's current process runs and has started consuming. */
    private boolean allWorkersConsume() {
        return slots.stream().allMatch(s -> s.current.isAlive() && !s.current.events("consuming").isEmpty());
    }

    /**
     * Kills a worker that holds a task (the broker redelivers it) and starts another in its place;
     * while work is left, none when no worker holds one (they are reconnecting), so that every kill
     * costs a task. Returns whether it killed one.
     */
    private boolean killAWorker(boolean workLeft) {
        List<Slot> holding = slots.stream().filter(s -> s.holding.get() > 0).toList();
        List<Slot> candidates = !holding.isEmpty() || workLeft ? holding : slots;
        if (candidates.isEmpty()) {
            return false;
        }
        Slot victim = candidates.get(random.nextInt(candidates.size()));
        int held = victim.holding.get();
        journal.action("kill", held > 0 ? victim.lastReceived : null,
                victim.label() + " pid " + victim.current.pid() + " holding " + held);
        victim.current.kill();
        victim.current.waitFor(START);
        workerKills++;
        victim.start();
        return true;
    }

    /** The node someone is connected to: the publisher's while it publishes, else a random worker's. */
    private int victimNode() {
        List<Participant> connected = new ArrayList<>();
        if (publisher.isAlive()) {
            connected.add(publisher);
        } else {
            slots.stream().map(s -> s.current).filter(Participant::isAlive).forEach(connected::add);
        }
        Collections.shuffle(connected, random);
        for (Participant p : connected) {
            List<ParticipantEvent> connections = p.events().stream()
                    .filter(e -> e.is("connected") || e.is("reconnected")).toList();
            if (!connections.isEmpty()) {
                int node = broker.node((int) connections.get(connections.size() - 1).number("port"));
                if (node > 0) {
                    return node;
                }
            }
        }
        return 1 + random.nextInt(broker.nodes());
    }

    /**
     * Waits until a worker started late (a replacement) consumes before it is asked to stop: a JVM
     * SIGINTed before the command has installed its signal handlers exits 130 at once, which says
     * nothing about the tools. A worker that never consumes is reported by its exit code.
     */
    private static void settle(Participant worker) {
        if (worker.isAlive() && worker.events("consuming").isEmpty()) {
            try {
                worker.awaitEvent("consuming", START);
            } catch (RuntimeException e) {
                // it ended, or did not consume within START: its exit code below tells
            }
        }
    }

    /** A worker that exited by itself (not killed) is a problem of the tools: noted, and started again. */
    private void restartWorkersThatDied() {
        for (Slot slot : slots) {
            if (!slot.current.isAlive()) {
                journal.action("exited", slot.label() + " by itself, code " + slot.current.waitFor(START));
                problems.add(slot.name + " exited by itself with code " + slot.current.waitFor(START) + ": "
                        + slot.current.describe());
                slot.start();
            }
        }
    }

    /** Waits until every confirmed task was acked, the queue is empty and no worker holds anything. */
    private boolean drain() {
        long deadline = System.nanoTime() + settings.drain().toNanos();
        while (System.nanoTime() < deadline) {
            audit.maybeCheck(true);
            restartWorkersThatDied();
            if (tally.allConfirmedAcked() && slots.stream().allMatch(s -> s.holding.get() == 0)
                    && broker.ready(queue) == 0) {
                return true;
            }
            if (lostForGood(true)) {
                return false;
            }
            pause(Duration.ofMillis(250));
        }
        return false;
    }

    /**
     * True once the queue has been empty, no worker has held a task and the broker has been up for
     * {@link #QUIET}: a confirmed task that is still not acked then will never be, and waiting for
     * it until the timeouts would only make a failing run (in CI) last 20 minutes longer. Asks the
     * broker at most once a second.
     */
    private boolean lostForGood(boolean brokerUp) {
        long now = System.nanoTime();
        if (now - quietCheckedAt >= 1_000_000_000L) {
            quietCheckedAt = now;
            boolean quiet = brokerUp && slots.stream().allMatch(s -> s.holding.get() <= 0) && broker.ready(queue) == 0;
            quietSince = !quiet ? 0 : quietSince == 0 ? now : quietSince;
        }
        return quietSince != 0 && now - quietSince >= QUIET.toNanos();
    }

    private List<String> connection() {
        List<String> args = new ArrayList<>(List.of("--uri", broker.uri(), "--recover"));
        if (broker.queueType() != null) {
            args.addAll(List.of("--queue-type", broker.queueType().wireName()));
        }
        return args;
    }

    private ChaosReport report(long start) {
        ParticipantEvent summary = publisher.events("summary").stream().findFirst().orElse(null);
        long publishMs = summary == null ? -1 : summary.time() - publisher.events().get(0).time();
        int incarnations = slots.stream().mapToInt(s -> s.incarnations.size()).sum();
        return new ChaosReport(broker.name(), broker.describe(), settings, tally.confirmedTasks(),
                summary == null ? -1 : summary.number("resent"), tally.ackedTasks(), tally.duplicates(),
                tally.lost(), tally.ackedUnconfirmed(), tally.unexpected.get(), tally.received.get(),
                tally.redelivered.get(), tally.abandoned.get(), tally.reconnections.get(), workerKills, brokerKills,
                List.copyOf(restartMs), incarnations, publishMs, (System.nanoTime() - start) / 1_000_000,
                audit.unaccounted(), List.copyOf(problems), List.copyOf(diagnosis));
    }

    private static void rethrow(Future<?> restart) {
        try {
            restart.get();
        } catch (ExecutionException e) {
            throw new AssertionError("the broker could not be started again: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
