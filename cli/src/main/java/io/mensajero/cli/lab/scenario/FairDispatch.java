package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Dispatch;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * consumer-v2.py's basic_qos(prefetch_count=1), against no prefetch limit: a slow and a fast
 * worker on each of two queues. Without a limit the broker deals the tasks out in turn; with
 * prefetch 1 it gives a worker a new task only once it acked the last, so the fast one does most.
 */
final class FairDispatch implements Scenario {
    static final int TASKS = 8;
    /** A slow worker's delay before each ack: long enough to matter, short enough for the lab. */
    static final String SLOW = "400ms";

    @Override
    public String id() {
        return "fair-dispatch";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String unlimited = ctx.queue("task_queue.prefetch-0");
        String fair = ctx.queue("task_queue.prefetch-1");
        LabParticipant slow0 = ctx.start("slow-0", "work", "--queue", unlimited, "--prefetch", "0", "--ack-delay", SLOW);
        LabParticipant fast0 = ctx.start("fast-0", "work", "--queue", unlimited, "--prefetch", "0");
        LabParticipant slow1 = ctx.start("slow-1", "work", "--queue", fair, "--prefetch", "1", "--ack-delay", SLOW);
        LabParticipant fast1 = ctx.start("fast-1", "work", "--queue", fair, "--prefetch", "1");
        ctx.awaitConsuming(slow0, fast0, slow1, fast1);
        LabParticipant tasks0 = ctx.start("tasks-0", "task", ctx.body("task"), "--queue", unlimited,
                "--count", Integer.toString(TASKS));
        LabParticipant tasks1 = ctx.start("tasks-1", "task", ctx.body("task"), "--queue", fair,
                "--count", Integer.toString(TASKS));
        ctx.awaitExit(tasks0);
        ctx.awaitExit(tasks1);
        List<LabParticipant> pair0 = List.of(slow0, fast0);
        List<LabParticipant> pair1 = List.of(slow1, fast1);
        ctx.awaitCount(() -> ScenarioContext.total(pair0, "acked"), tasks0.count("sent"), pair0, unlimited);
        ctx.awaitCount(() -> ScenarioContext.total(pair1, "acked"), tasks1.count("sent"), pair1, fair);
        ctx.stop(slow0, fast0, slow1, fast1);
        long left = ctx.depth(unlimited) + ctx.depth(fair);

        Timeline timeline = ctx.timeline();
        Accounting all0 = Accounting.compare(timeline.sent(tasks0.id()), Checks.settled(timeline, slow0, fast0));
        Accounting all1 = Accounting.compare(timeline.sent(tasks1.id()), Checks.settled(timeline, slow1, fast1));
        List<String> missing = new ArrayList<>(all0.missing());
        missing.addAll(all1.missing());
        ctx.lostWhereSent(missing);
        List<String> duplicated = new ArrayList<>(all0.duplicated());
        duplicated.addAll(all1.duplicated());
        duplicated.addAll(all0.unexpected());
        duplicated.addAll(all1.unexpected());
        List<String> turns = Dispatch.turns(timeline, List.of(slow0.id(), fast0.id()));
        int bySlow0 = timeline.settled(slow0.id()).size();
        int byFast0 = timeline.settled(fast0.id()).size();
        int bySlow1 = timeline.settled(slow1.id()).size();
        int byFast1 = timeline.settled(fast1.id()).size();
        int sent1 = timeline.sent(tasks1.id()).size();
        return Verdict.builder()
                .check(Check.of(missing.isEmpty() && duplicated.isEmpty(), "check.exactlyOnce", missing, duplicated,
                        List.of()))
                .check(Check.of(Dispatch.takesTurns(turns, 2) && Math.abs(bySlow0 - byFast0) <= 1, "check.roundRobin",
                        Checks.labels(timeline, turns)))
                .check(Check.of(bySlow1 <= 2 && byFast1 >= sent1 - 2, "check.fair", Checks.label(slow1), bySlow1,
                        Checks.label(fast1), byFast1))
                .check(Check.of(left == 0, "check.emptyStages", left))
                .summary("verdict.fair-dispatch", bySlow0, byFast0, took(ctx, timeline, tasks0, slow0, fast0),
                        bySlow1, byFast1, took(ctx, timeline, tasks1, slow1, fast1));
    }

    /** From the first task sent to the last one acked. */
    private static String took(ScenarioContext ctx, Timeline timeline, LabParticipant sender, LabParticipant... workers) {
        long first = timeline.marks(sender.id(), MarkKind.SENT).stream().mapToLong(Mark::at).min().orElse(0);
        long last = first;
        for (LabParticipant w : workers) {
            last = Math.max(last, timeline.deliveries(w.id()).stream().filter(Delivery::settled)
                    .mapToLong(Delivery::settledAt).max().orElse(first));
        }
        return ctx.messages().seconds(last - first);
    }
}
