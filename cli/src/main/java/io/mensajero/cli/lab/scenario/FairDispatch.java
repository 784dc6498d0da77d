package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.Messages;
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
    static final String DELAY = "400ms";
    static final String SLOW_0 = "slow-0";
    static final String FAST_0 = "fast-0";
    static final String SLOW_1 = "slow-1";
    static final String FAST_1 = "fast-1";
    static final String TASKS_0 = "tasks-0";
    static final String TASKS_1 = "tasks-1";

    @Override
    public String id() {
        return "fair-dispatch";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String unlimited = ctx.queue("task_queue.prefetch-0");
        String fair = ctx.queue("task_queue.prefetch-1");
        LabParticipant slow0 = ctx.start(SLOW_0, "work", "--queue", unlimited, "--prefetch", "0", "--ack-delay", DELAY);
        LabParticipant fast0 = ctx.start(FAST_0, "work", "--queue", unlimited, "--prefetch", "0");
        LabParticipant slow1 = ctx.start(SLOW_1, "work", "--queue", fair, "--prefetch", "1", "--ack-delay", DELAY);
        LabParticipant fast1 = ctx.start(FAST_1, "work", "--queue", fair, "--prefetch", "1");
        ctx.awaitConsuming(slow0, fast0, slow1, fast1);
        LabParticipant tasks0 = ctx.start(TASKS_0, "task", ctx.body("task"), "--queue", unlimited,
                "--count", Integer.toString(TASKS));
        LabParticipant tasks1 = ctx.start(TASKS_1, "task", ctx.body("task"), "--queue", fair,
                "--count", Integer.toString(TASKS));
        ctx.awaitExit(tasks0);
        ctx.awaitExit(tasks1);
        List<LabParticipant> pair0 = List.of(slow0, fast0);
        List<LabParticipant> pair1 = List.of(slow1, fast1);
        ctx.awaitTotal(pair0, "acked", tasks0.count("sent"), unlimited);
        ctx.awaitTotal(pair1, "acked", tasks1.count("sent"), fair);
        ctx.stop(slow0, fast0, slow1, fast1);
        long left = ctx.depth(unlimited) + ctx.depth(fair);
        Timeline timeline = ctx.timeline();
        List<String> missing = new ArrayList<>(unlimited(timeline).missing());
        missing.addAll(fair(timeline).missing());
        ctx.lostWhereSent(missing);
        return judge(ctx.messages(), timeline, left);
    }

    static Verdict judge(Messages messages, Timeline timeline, long left) {
        Accounting all0 = unlimited(timeline);
        Accounting all1 = fair(timeline);
        List<String> missing = new ArrayList<>(all0.missing());
        missing.addAll(all1.missing());
        List<String> duplicated = new ArrayList<>(all0.duplicated());
        duplicated.addAll(all1.duplicated());
        List<String> unexpected = new ArrayList<>(all0.unexpected());
        unexpected.addAll(all1.unexpected());
        List<String> turns = Dispatch.turns(timeline, List.of(SLOW_0, FAST_0));
        int bySlow0 = timeline.settled(SLOW_0).size();
        int byFast0 = timeline.settled(FAST_0).size();
        int bySlow1 = timeline.settled(SLOW_1).size();
        int byFast1 = timeline.settled(FAST_1).size();
        int sent1 = timeline.sent(TASKS_1).size();
        return Verdict.builder()
                .check(Checks.exactlyOnce(new Accounting(missing, duplicated, unexpected)))
                .check(Check.of(Dispatch.takesTurns(turns, 2) && Math.abs(bySlow0 - byFast0) <= 1, "check.roundRobin",
                        Checks.labels(timeline, turns)))
                .check(Check.of(bySlow1 <= 2 && byFast1 >= sent1 - 2, "check.fair", Checks.label(timeline, SLOW_1),
                        bySlow1, Checks.label(timeline, FAST_1), byFast1))
                .check(Check.of(left == 0, "check.emptyStages", left))
                .summary("verdict.fair-dispatch", bySlow0, byFast0, took(messages, timeline, TASKS_0, SLOW_0, FAST_0),
                        bySlow1, byFast1, took(messages, timeline, TASKS_1, SLOW_1, FAST_1));
    }

    private static Accounting unlimited(Timeline timeline) {
        return Accounting.compare(timeline.sent(TASKS_0), Checks.settled(timeline, SLOW_0, FAST_0));
    }

    private static Accounting fair(Timeline timeline) {
        return Accounting.compare(timeline.sent(TASKS_1), Checks.settled(timeline, SLOW_1, FAST_1));
    }

    /** From the first task sent to the last one acked. */
    private static String took(Messages messages, Timeline timeline, String sender, String... workers) {
        long first = timeline.marks(sender, MarkKind.SENT).stream().mapToLong(Mark::at).min().orElse(0);
        long last = first;
        for (String w : workers) {
            last = Math.max(last, timeline.deliveries(w).stream().filter(Delivery::settled)
                    .mapToLong(Delivery::settledAt).max().orElse(first));
        }
        return messages.seconds(last - first);
    }
}
