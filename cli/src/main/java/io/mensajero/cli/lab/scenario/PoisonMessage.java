package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Issue 10's poison message: one bad task among good ones makes every worker that takes it crash
 * ({@code work --crash-on}). With {@code --max-attempts 2} the broker counts the failed attempts
 * (x-death of the retry queue) and, after the last, dead-letters the task to the dead-letter queue,
 * where a receiver shows its x-death history. The good tasks are all done once; the queue drains.
 */
final class PoisonMessage implements Scenario {
    static final int JOBS = 4;
    static final int MAX_ATTEMPTS = 2;
    /** Crashed workers are replaced; one more than the attempts ends it (it sees the last failure). */
    static final int MAX_WORKERS = MAX_ATTEMPTS + 2;
    static final String POISON = "poison";
    static final String DEAD = "dead";

    @Override
    public String id() {
        return "poison-message";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        String retry = ctx.queue("task_queue.retry");
        String dead = ctx.queue("task_queue.dead");
        String poison = ctx.body(POISON);
        List<LabParticipant> workers = new ArrayList<>();
        int sent = 0;
        for (int i = 1; i <= MAX_WORKERS && ctx.ready(dead) <= 0; i++) {
            LabParticipant worker = ctx.start(worker(i), "work", "--queue", queue, "--max-attempts",
                    Integer.toString(MAX_ATTEMPTS), "--retry-queue", retry, "--dead-letter-queue", dead,
                    "--crash-on", poison);
            workers.add(worker);
            ctx.awaitConsuming(worker);
            if (i == 1) {
                sent = send(ctx, queue, dead, poison);
            }
            ctx.await("step.poison", () -> worker.exitCode() != null || !worker.process().isAlive()
                    || ctx.ready(dead) > 0, worker.lane().label());
            if (!worker.process().isAlive()) {
                ctx.awaitExit(worker);
            }
        }
        LabParticipant last = workers.get(workers.size() - 1);
        ctx.awaitCount(() -> workers.stream().mapToInt(w -> w.count("acked")).sum(), sent - 1, List.of(last),
                queue);
        LabParticipant receiver = ctx.start(DEAD, "receive", "--queue", dead, "--durable", "--count", "1");
        ctx.awaitExit(receiver);
        if (last.exitCode() == null) {
            ctx.stop(last);
        }
        long left = ctx.depth(queue);
        return judge(ctx.timeline(), queue, dead, poison, left);
    }

    private static int send(ScenarioContext ctx, String queue, String dead, String poison) {
        LabParticipant jobs = ctx.start("jobs", "task", ctx.body("job"), "--queue", queue,
                "--dead-letter-queue", dead, "--count", Integer.toString(JOBS));
        ctx.awaitExit(jobs);
        LabParticipant bad = ctx.start("bad", "task", poison, "--queue", queue, "--dead-letter-queue", dead);
        ctx.awaitExit(bad);
        return jobs.count("sent") + bad.count("sent");
    }

    static String worker(int i) {
        return "worker-" + i;
    }

    static Verdict judge(Timeline timeline, String queue, String dead, String poison, long left) {
        List<String> workerLanes = timeline.lanes().stream().map(l -> l.id()).filter(id -> id.startsWith("worker-"))
                .collect(Collectors.toList());
        List<String> good = new ArrayList<>(timeline.sent());
        good.remove(poison);
        List<String> acked = Checks.settled(timeline, workerLanes.toArray(String[]::new)).stream().sorted()
                .collect(Collectors.toList());
        List<Mark> deadLetters = timeline.marks(DEAD, MarkKind.RECEIVED);
        String history = deadLetters.size() == 1 && deadLetters.get(0).body().equals(poison)
                ? deadLetters.get(0).detail() : null;
        String shown = history == null ? "-" : history;
        long crashes = workerLanes.stream().filter(id -> timeline.marks(id, MarkKind.EXITED).stream()
                .anyMatch(m -> m.value() != 0)).count();
        return Verdict.builder()
                .check(Check.of(acked.equals(good.stream().sorted().collect(Collectors.toList())), "check.goodOnce",
                        good, acked))
                .check(Check.of(history != null && history.contains(queue + " rejected ×1"), "check.deadLettered",
                        poison, dead, shown))
                .check(Check.of(crashes >= 1, "check.crashed", poison, crashes))
                .check(Checks.empty(queue, left))
                .summary("verdict.poison-message", good.size(), poison, crashes, MAX_ATTEMPTS, dead,
                        shown);
    }
}
