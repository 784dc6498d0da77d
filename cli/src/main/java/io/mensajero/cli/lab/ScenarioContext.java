package io.mensajero.cli.lab;

import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.TimelineBuilder;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantException;

import io.mensajero.client.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * What a scenario runs with: names unique to the run, participants started as separate
 * processes against the lab's broker, the lab's own actions on them (signals, kills), queries to
 * the broker, and waiting with a deadline. Everything it does is recorded for the timeline.
 * Closing it kills participants still alive and deletes the queues and exchanges it named.
 */
public final class ScenarioContext implements AutoCloseable {
    /**
     * The longest the lab waits for something that normally takes well under a second. Starting
     * a participant is starting a JVM, which on a busy two-core machine, several at once, can
     * take a minute: the bound is only there to give up on something that will never come.
     */
    static final Duration WAIT = Duration.ofMinutes(3);
    /** When nothing new arrived for this long and nothing is left anywhere, nothing more will come. */
    static final Duration QUIET = Duration.ofMillis(2000);
    /** How long the lab lets the broker settle into a state it then observes. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long POLL_MS = 20;
    static final String BROKER_LANE = "broker";

    private final LabBroker broker;
    private final Messages messages;
    private final Progress progress;
    private final String suffix;
    private final Map<String, Integer> drops;
    private final NodeHook nodeHook;
    private final List<String> deadNodes = new ArrayList<>();
    private final long startMs = System.currentTimeMillis();
    private final List<LabParticipant> participants = new ArrayList<>();
    private final List<Mark> actions = new ArrayList<>();
    private final Map<String, String> localNames = new LinkedHashMap<>();
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();
    private long endMs = -1;

    ScenarioContext(LabBroker broker, Messages messages, Progress progress, String suffix, Map<String, Integer> drops,
                    NodeHook nodeHook) {
        this.broker = broker;
        this.messages = messages;
        this.progress = progress;
        this.suffix = suffix;
        this.drops = Map.copyOf(drops);
        this.nodeHook = nodeHook;
    }

    public Messages messages() {
        return messages;
    }

    /** A message body template in the lab's language ({@code body.<key>}), e.g. "task {n}". */
    public String body(String key) {
        return messages.raw("body." + key);
    }

    /** A queue name unique to this run and scenario, e.g. {@code hello.lab-3f2a9c-1}; deleted at the end. */
    public String queue(String local) {
        String name = name(local);
        queues.add(name);
        return name;
    }

    /** An exchange name unique to this run and scenario; deleted at the end. */
    public String exchange(String local) {
        String name = name(local);
        exchanges.add(name);
        return name;
    }

    private String name(String local) {
        String name = local + suffix;
        if (localNames.putIfAbsent(name, local) != null) {
            throw new IllegalArgumentException("the name " + local + " is already used in this scenario");
        }
        return name;
    }

    /** The queues and exchanges this scenario named. */
    public List<String> names() {
        return List.copyOf(localNames.keySet());
    }

    /**
     * Starts {@code mensajero <args> --uri <the lab's broker> --name <id> --lang <the lab's> --json} as a separate
     * process. Its lane's label is {@code participant.<id>} when the messages have one.
     */
    public LabParticipant start(String id, String... args) {
        return startStage(id, null, args);
    }

    /** Starts a pipeline worker; lanes with the same {@code stage} share a column per operation. */
    public synchronized LabParticipant startStage(String id, String stage, String... args) {
        List<String> command = new ArrayList<>(Arrays.asList(args));
        // in the lab's language: a participant's one-line error is shown in the checks
        command.addAll(List.of("--uri", broker.uri(), "--name", id, "--lang", messages.language()));
        Integer drop = drops.get(id);
        if (drop != null) {
            command.addAll(List.of("--drop-nth", Integer.toString(drop)));
        }
        String label = messages.has("participant." + id) ? messages.get("participant." + id) : id;
        Lane lane = new Lane(id, label, shown(args), Lane.roleOf(args[0]), stage);
        LabParticipant participant = new LabParticipant(lane, Participant.start(command));
        participants.add(participant);
        return participant;
    }

    /** Starts several participants at once (their JVMs start in parallel) and waits until each consumes. */
    public void awaitConsuming(LabParticipant... consumers) {
        step("step.consuming", labels(consumers));
        for (LabParticipant p : consumers) {
            awaitEvent(p, "consuming");
        }
    }

    /** Waits for the participant's first event of this type. */
    public void awaitEvent(LabParticipant p, String type) {
        try {
            p.process().awaitEvent(type, WAIT);
        } catch (ParticipantException e) {
            throw new ScenarioIncomplete(messages.get("incomplete.event", p.lane().label(), type) + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the process to exit and records it; returns its exit code. */
    public int awaitExit(LabParticipant p) {
        step("step.exit", p.lane().label());
        int code;
        try {
            code = p.process().waitFor(WAIT);
        } catch (ParticipantException e) {
            throw new ScenarioIncomplete(messages.get("incomplete.exit", p.lane().label()) + ": " + e.getMessage(), e);
        }
        p.exited(code);
        record(Mark.exited(p.id(), offset(System.currentTimeMillis()), code));
        return code;
    }

    /** SIGINT (Ctrl-C) to each, then waits for them to exit. */
    public void stop(LabParticipant... ps) {
        for (LabParticipant p : ps) {
            interrupt(p);
        }
        for (LabParticipant p : ps) {
            awaitExit(p);
        }
    }

    /** SIGINT, as Ctrl-C in its terminal. */
    public void interrupt(LabParticipant p) {
        step("step.signal", "SIGINT", p.lane().label());
        record(Mark.signal(p.id(), offset(System.currentTimeMillis()), "SIGINT"));
        p.process().interrupt();
    }

    /** SIGKILL: the process dies at once, without closing its connection. */
    public void kill(LabParticipant p) {
        step("step.signal", "SIGKILL", p.lane().label());
        p.markKilled();
        record(Mark.of(p.id(), offset(System.currentTimeMillis()), MarkKind.KILLED));
        p.process().kill();
    }

    /** The address (host:port) the participant is connected to now: its last connected or reconnected event. */
    public String connectedTo(LabParticipant p) {
        List<io.mensajero.cli.process.ParticipantEvent> connections = p.events().stream()
                .filter(e -> e.is("connected") || e.is("reconnected")).collect(Collectors.toList());
        if (connections.isEmpty()) {
            throw new ScenarioIncomplete(messages.get("incomplete.event", p.lane().label(), "connected"));
        }
        var last = connections.get(connections.size() - 1);
        return last.string("host") + ":" + last.string("port");
    }

    /** Kills the cluster node at this address through the node hook, and marks it on the broker's lane. */
    public void killNode(String address) {
        step("step.killNode", address);
        record(Mark.address(BROKER_LANE, offset(System.currentTimeMillis()), MarkKind.NODE_KILLED, address, 0));
        synchronized (deadNodes) {
            deadNodes.add(address);
        }
        hook().kill(address);
    }

    /** Starts a killed node again through the node hook (waits until it runs); returns how long it took, ms. */
    public long restartNode(String address) {
        step("step.restartNode", address);
        long from = System.currentTimeMillis();
        hook().restart(address);
        long took = System.currentTimeMillis() - from;
        synchronized (deadNodes) {
            deadNodes.remove(address);
        }
        record(Mark.address(BROKER_LANE, offset(System.currentTimeMillis()), MarkKind.NODE_RESTARTED, address, took));
        return took;
    }

    /** True when a connection to that one address opens (and is closed again). */
    public boolean answers(String address) {
        return broker.answers(address);
    }

    private NodeHook hook() {
        if (nodeHook == null) {
            throw new ScenarioIncomplete(NodeHook.missing("?").getMessage());
        }
        return nodeHook;
    }

    /** Asks the broker how many messages the queue holds ready, and records it on the broker's lane. */
    public long depth(String queue) {
        long ready = broker.ready(queue);
        record(Mark.depth(BROKER_LANE, offset(System.currentTimeMillis()), localNames.getOrDefault(queue, queue), ready));
        return ready;
    }

    /** Messages ready in the queue (not recorded), -1 when there is no such queue. */
    public long ready(String queue) {
        return broker.ready(queue);
    }

    /** How many consumers the queue has (not recorded). */
    public long consumers(String queue) {
        return broker.consumers(queue);
    }

    /** Waits until the condition holds; the scenario is incomplete after {@link #WAIT}. */
    public void await(String stepKey, BooleanSupplier condition, Object... stepArgs) {
        step(stepKey, stepArgs);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ScenarioIncomplete(messages.get("incomplete.timeout", messages.seconds(WAIT.toMillis()),
                        messages.get(stepKey, stepArgs)));
            }
            pause();
        }
    }

    /**
     * Gives the broker a moment (at most {@link #SETTLE}) to reach a state, e.g. a closed
     * channel's messages back in their queue; returns whether it did. The verdict judges the state.
     */
    public boolean settle(BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    /**
     * Waits until {@code count} reaches {@code expected}, or until it is clear that no more will
     * come: nothing new for {@link #QUIET}, none of {@code holders} holds an unsettled delivery,
     * and the queues are empty. What did not come is then for the verdict to report.
     */
    public void awaitCount(IntSupplier count, int expected, List<LabParticipant> holders, String... queues) {
        step("step.deliveries", count.getAsInt(), expected);
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = count.getAsInt();
        long lastChange = System.nanoTime();
        while (last < expected) {
            pause();
            int now = count.getAsInt();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
                step("step.deliveries", now, expected);
            } else if (System.nanoTime() - lastChange > QUIET.toNanos() && nothingLeft(holders, queues)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ScenarioIncomplete(messages.get("incomplete.timeout", messages.seconds(WAIT.toMillis()),
                        messages.get("step.deliveries", now, expected)));
            }
        }
    }

    private boolean nothingLeft(List<LabParticipant> holders, String... queues) {
        if (holders.stream().anyMatch(p -> p.unsettled() > 0)) {
            return false;
        }
        return Arrays.stream(queues).allMatch(q -> broker.ready(q) <= 0);
    }

    /**
     * {@link #awaitCount} for the participants' events of a type, all together; the participants
     * are the holders.
     */
    public void awaitTotal(List<LabParticipant> ps, String type, int expected, String... queues) {
        awaitCount(() -> total(ps, type), expected, ps, queues);
    }

    /** Total events of a type over several participants. */
    private static int total(List<LabParticipant> ps, String type) {
        return ps.stream().mapToInt(p -> p.count(type)).sum();
    }

    /** Marks each body as lost where it was sent. */
    public void lostWhereSent(List<String> bodies) {
        Timeline now = timeline();
        List<String> left = new ArrayList<>(bodies);
        for (Mark sent : now.marks(MarkKind.SENT)) {
            if (left.remove(sent.body())) {
                record(Mark.lost(sent.lane(), sent.at(), sent.body(), sent.correlationId()));
            }
        }
    }

    /** Marks each body as lost on the lane of the participant that held it, at {@code atMs} (epoch). */
    public void lostWith(LabParticipant holder, long atMs, List<String> bodies) {
        for (String body : bodies) {
            record(Mark.lost(holder.id(), offset(atMs), body, null));
        }
    }

    /**
     * Every participant exited 0, except those the lab killed on purpose and workers that crashed
     * as their --crash-on asked (exit {@link Worker#CRASH_EXIT_CODE} after a crashing event).
     */
    Check exits() {
        List<String> problems = new ArrayList<>();
        for (LabParticipant p : participants) {
            if (p.killed() || (p.count("crashing") > 0 && Integer.valueOf(Worker.CRASH_EXIT_CODE).equals(p.exitCode()))) {
                continue;
            }
            Integer code = p.exitCode();
            if (code == null) {
                problems.add(messages.get("check.exits.running", p.lane().label()));
            } else if (code != 0) {
                String stderr = p.process().stderr().trim();
                problems.add(messages.get("check.exits.code", p.lane().label(), code)
                        + (stderr.isEmpty() ? "" : " (" + stderr.lines().findFirst().orElse("") + ")"));
            }
        }
        return Check.of(problems.isEmpty(), "check.exits", problems);
    }

    /** The timeline so far: participants' lanes (in start order), then the broker's if it was asked. */
    public synchronized Timeline timeline() {
        TimelineBuilder builder = new TimelineBuilder(startMs);
        for (LabParticipant p : participants) {
            builder.lane(p.lane());
            builder.events(p.id(), p.events());
        }
        List<Mark> marks;
        synchronized (actions) {
            marks = List.copyOf(actions);
        }
        if (marks.stream().anyMatch(m -> m.lane().equals(BROKER_LANE))) {
            builder.lane(new Lane(BROKER_LANE, messages.get("participant.broker"), "", Lane.Role.BROKER, null));
        }
        marks.forEach(builder::mark);
        return builder.build(endMs < 0 ? System.currentTimeMillis() : endMs);
    }

    public long now() {
        return System.currentTimeMillis();
    }

    /** Kills participants still alive, starts again nodes the scenario killed, deletes the run's queues and exchanges. */
    @Override
    public synchronized void close() {
        for (LabParticipant p : participants) {
            p.process().close();
        }
        List<String> dead;
        synchronized (deadNodes) {
            dead = new ArrayList<>(deadNodes);
        }
        for (String address : dead) {
            try {
                restartNode(address);
            } catch (ScenarioIncomplete e) {
                progress.step(e.getMessage());
            }
        }
        if (endMs < 0) {
            endMs = System.currentTimeMillis();
        }
        queues.forEach(broker::deleteQueue);
        exchanges.forEach(broker::deleteExchange);
    }

    /** Ends the timeline now (before the clean-up). */
    synchronized void end() {
        endMs = System.currentTimeMillis();
    }

    void step(String key, Object... args) {
        progress.step(messages.get(key, args));
    }

    private void record(Mark mark) {
        synchronized (actions) {
            actions.add(mark);
        }
    }

    private long offset(long epochMs) {
        return Math.max(0, epochMs - startMs);
    }

    private List<String> labels(LabParticipant... ps) {
        return Arrays.stream(ps).map(p -> p.lane().label()).collect(Collectors.toList());
    }

    /** The command as a reader would type it: the run's names shortened, no --queue/--exchange (shown apart). */
    private String shown(String... args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--queue") || args[i].equals("--exchange")) && i + 1 < args.length) {
                i++;
                continue;
            }
            String arg = localNames.getOrDefault(args[i], args[i]);
            shown.add(arg.matches("[\\w./:=-]+") ? arg : "\"" + arg + "\"");
        }
        return String.join(" ", shown);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioIncomplete("interrupted", e);
        }
    }
}
