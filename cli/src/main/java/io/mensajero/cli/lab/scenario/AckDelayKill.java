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
    static final String SLOW = "slow";
    static final String FAST = "fast";

    @Override
    public String id() {
        return "ack-delay-kill";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        LabParticipant slow = ctx.start(SLOW, "work", "--queue", queue, "--ack-delay", "30s");
        LabParticipant fast = ctx.start(FAST, "work", "--queue", queue);
        ctx.awaitConsuming(slow, fast);
        LabParticipant jobs = ctx.start("jobs", "task", ctx.body("job"), "--queue", queue,
                "--count", Integer.toString(JOBS));
        ctx.awaitExit(jobs);
        int sent = jobs.count("sent");
        ctx.await("step.holding", () -> slow.count("received") >= 1
                && slow.count("received") + fast.count("acked") >= sent, slow.lane().label());
        ctx.kill(slow);
        ctx.awaitExit(slow);
        ctx.await("step.gone", () -> ctx.consumers(queue) <= 1, slow.lane().label());
        ctx.awaitCount(() -> fast.count("acked"), sent, List.of(fast), queue);
        ctx.stop(fast);
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWhereSent(Checks.accounting(timeline, SLOW, FAST).missing());
        return judge(timeline, queue, left);
    }

    static Verdict judge(Timeline timeline, String queue, long left) {
        Accounting accounting = Checks.accounting(timeline, SLOW, FAST);
        List<String> held = timeline.deliveries(SLOW).stream().filter(d -> !d.settled())
                .map(Delivery::body).sorted().collect(Collectors.toList());
        List<String> redelivered = timeline.deliveries(FAST).stream().filter(Delivery::redelivered)
                .map(Delivery::body).sorted().collect(Collectors.toList());
        return Verdict.builder()
                .check(Checks.exactlyOnce(accounting))
                .check(Check.of(!held.isEmpty() && held.equals(redelivered), "check.redelivered",
                        Checks.label(timeline, SLOW), held, Checks.label(timeline, FAST), redelivered))
                .check(Checks.empty(queue, left))
                .summary("verdict.ack-delay-kill", timeline.sent().size(), Checks.label(timeline, SLOW), held,
                        Checks.label(timeline, FAST), timeline.settled(FAST).size(), accounting.missing().size());
    }
}
