package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bloque A, "observe the asynchrony": the producer sends its tasks and exits before any
 * consumer exists; a worker started afterwards finds them all waiting in the queue.
 */
final class Asynchrony implements Scenario {
    static final int TASKS = 5;
    static final String PRODUCER = "producer";
    static final String WORKER = "worker";

    @Override
    public String id() {
        return "asynchrony";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        LabParticipant producer = ctx.start(PRODUCER, "task", ctx.body("task"), "--queue", queue,
                "--count", Integer.toString(TASKS));
        ctx.awaitExit(producer);
        long consumersMeanwhile = ctx.consumers(queue);
        long waiting = ctx.depth(queue);
        LabParticipant worker = ctx.start(WORKER, "work", "--queue", queue);
        ctx.awaitCount(() -> worker.count("acked"), producer.count("sent"), List.of(worker), queue);
        ctx.stop(worker);
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWhereSent(Checks.accounting(timeline, WORKER).missing());
        return judge(ctx.messages(), timeline, queue, consumersMeanwhile, waiting, left);
    }

    static Verdict judge(Messages messages, Timeline timeline, String queue, long consumersMeanwhile, long waiting,
                         long left) {
        List<String> sent = timeline.sent();
        Accounting accounting = Checks.accounting(timeline, WORKER);
        List<String> order = timeline.deliveries(WORKER).stream().filter(d -> !d.redelivered())
                .map(Delivery::body).collect(Collectors.toList());
        long exitedAt = timeline.marks(PRODUCER, MarkKind.EXITED).stream().mapToLong(Mark::at).findFirst().orElse(-1);
        long startedAt = timeline.marks(WORKER, MarkKind.STARTED).stream().mapToLong(Mark::at).findFirst().orElse(-1);
        return Verdict.builder()
                .check(Check.of(waiting == sent.size() && consumersMeanwhile == 0, "check.waited", queue, waiting,
                        sent.size(), consumersMeanwhile))
                .check(Checks.exactlyOnce(accounting))
                .check(Check.of(inOrder(order, sent), "check.fifo", order))
                .check(Checks.empty(queue, left))
                .summary("verdict.asynchrony", sent.size(), messages.seconds(Math.max(0, startedAt - exitedAt)),
                        waiting, timeline.settled(WORKER).size());
    }

    /** True when {@code got} lists bodies in the order they appear in {@code sent} (some may be missing). */
    static boolean inOrder(List<String> got, List<String> sent) {
        int last = -1;
        for (String body : got) {
            int at = sent.indexOf(body);
            if (at <= last) {
                return false;
            }
            last = at;
        }
        return true;
    }
}
