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
 * The contrast to ack-delay-kill: the same, but the slow worker consumes with auto-ack. The
 * broker forgot each message when it sent it (and auto-ack ignores the prefetch, so it may have
 * sent it several), so what the killed worker held is lost.
 */
final class AutoAckLoss implements Scenario {
    static final int JOBS = 4;
    static final String SLOW = "slow-auto";
    static final String FAST = "fast";

    @Override
    public String id() {
        return "auto-ack-loss";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        LabParticipant slow = ctx.start(SLOW, "work", "--queue", queue, "--auto-ack", "--ack-delay", "30s");
        LabParticipant fast = ctx.start(FAST, "work", "--queue", queue);
        ctx.awaitConsuming(slow, fast);
        LabParticipant jobs = ctx.start("jobs", "task", ctx.body("job"), "--queue", queue,
                "--count", Integer.toString(JOBS));
        ctx.awaitExit(jobs);
        int sent = jobs.count("sent");
        ctx.await("step.holding", () -> slow.count("received") >= 1 && ctx.ready(queue) == 0
                && fast.unsettled() == 0, slow.lane().label());
        long killedAt = ctx.now();
        ctx.kill(slow);
        ctx.awaitExit(slow);
        ctx.await("step.gone", () -> ctx.consumers(queue) <= 1, slow.lane().label());
        // Anything the broker wrongly put back would now reach the other worker: wait for it.
        ctx.awaitCount(() -> fast.count("acked"), sent, List.of(fast), queue);
        ctx.stop(fast);
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWith(slow, killedAt, Checks.accounting(timeline, SLOW, FAST).missing());
        return judge(timeline, queue, left);
    }

    static Verdict judge(Timeline timeline, String queue, long left) {
        Accounting accounting = Checks.accounting(timeline, SLOW, FAST);
        List<String> lost = accounting.missing();
        List<String> reported = timeline.deliveries(SLOW).stream().map(Delivery::body).collect(Collectors.toList());
        List<String> redelivered = timeline.deliveries(FAST).stream().filter(Delivery::redelivered)
                .map(Delivery::body).collect(Collectors.toList());
        boolean gone = !reported.isEmpty() && lost.containsAll(reported) && redelivered.isEmpty();
        return Verdict.builder()
                .check(Check.of(gone, "check.autoAckLost", Checks.label(timeline, SLOW), reported, lost, redelivered))
                .check(Check.of(accounting.duplicated().isEmpty() && accounting.unexpected().isEmpty(),
                        "check.noDuplicates", accounting.duplicated()))
                .check(Checks.empty(queue, left))
                .summary("verdict.auto-ack-loss", timeline.sent().size(), Checks.label(timeline, FAST),
                        timeline.settled(FAST).size(), lost.size(), Checks.label(timeline, SLOW), lost);
    }
}
