package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bloque B, "a delay between receiving the work and the ack; stop the worker": a worker that
 * waits 30 s before acking is SIGKILLed while it holds a task. The broker gives the task to the
 * other worker, marked redelivered, and nothing is lost.
 */
final class AckDelayKill implements Scenario {
    static final int JOBS = 4;

    @Override
    public String id() {
        return "ack-delay-kill";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        LabParticipant slow = ctx.start("slow", "work", "--queue", queue, "--ack-delay", "30s");
        LabParticipant fast = ctx.start("fast", "work", "--queue", queue);
        ctx.awaitConsuming(slow, fast);
        LabParticipant jobs = ctx.start("jobs", "task", ctx.body("job"), "--queue", queue,
                "--count", Integer.toString(JOBS));
        ctx.awaitExit(jobs);
        int sent = jobs.count("sent");
        ctx.await("step.holding", () -> slow.count("received") >= 1
                && slow.count("received") + fast.count("acked") >= sent, Checks.label(slow));
        ctx.kill(slow);
        ctx.awaitExit(slow);
        ctx.awaitCount(() -> fast.count("acked"), sent, List.of(fast), queue);
        ctx.stop(fast);
        long left = ctx.depth(queue);

        Timeline timeline = ctx.timeline();
        Accounting accounting = Accounting.compare(timeline.sent(), Checks.settled(timeline, slow, fast));
        ctx.lostWhereSent(accounting.missing());
        List<String> held = timeline.deliveries(slow.id()).stream().filter(d -> !d.settled())
                .map(Delivery::body).sorted().collect(Collectors.toList());
        List<String> redelivered = timeline.deliveries(fast.id()).stream().filter(Delivery::redelivered)
                .map(Delivery::body).sorted().collect(Collectors.toList());
        return Verdict.builder()
                .check(Checks.exactlyOnce(accounting))
                .check(Check.of(!held.isEmpty() && held.equals(redelivered), "check.redelivered",
                        Checks.label(slow), held, Checks.label(fast), redelivered))
                .check(Checks.empty(queue, left))
                .summary("verdict.ack-delay-kill", sent, Checks.label(slow), held, Checks.label(fast),
                        timeline.settled(fast.id()).size(), accounting.missing().size());
    }
}
