package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
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
 * On a cluster: a worker and a producer on a quorum queue, each given every node's address. The
 * node the worker is connected to is killed (through the lab's node hook); the worker notices,
 * gives up the job it held (the broker requeues it), reconnects to another node and carries on;
 * the job comes back marked redelivered. Every confirmed task is acked at least once. Then the node
 * is started again and rejoins the cluster. Offered only when the lab has several addresses.
 */
final class NodeFailover implements Scenario {
    static final int TASKS = 10;
    static final String WORKER = "worker";
    static final String TASKS_LANE = "tasks";

    @Override
    public String id() {
        return "node-failover";
    }

    @Override
    public boolean needsCluster() {
        return true;
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        LabParticipant worker = ctx.start(WORKER, "work", "--queue", queue, "--queue-type", "quorum",
                "--ack-delay", "500ms");
        ctx.awaitConsuming(worker);
        String node = ctx.connectedTo(worker);
        LabParticipant tasks = ctx.start(TASKS_LANE, "task", ctx.body("job"), "--queue", queue, "--queue-type", "quorum",
                "--count", Integer.toString(TASKS), "--rate", "4");
        ctx.await("step.acked", () -> worker.count("acked") >= 2, worker.lane().label(), 2);
        ctx.await("step.holding", () -> worker.unsettled() > 0, worker.lane().label());
        ctx.killNode(node);
        ctx.awaitEvent(worker, "reconnected");
        ctx.awaitExit(tasks);
        int sent = tasks.count("sent");
        ctx.awaitCount(() -> (int) worker.bodies("acked").stream().distinct().count(), sent, List.of(worker), queue);
        ctx.stop(worker);
        long left = ctx.depth(queue);
        ctx.restartNode(node);
        boolean back = ctx.answers(node);
        return judge(ctx.timeline(), queue, left, back);
    }

    static Verdict judge(Timeline timeline, String queue, long left, boolean nodeBack) {
        String killed = timeline.marks(MarkKind.NODE_KILLED).stream().map(Mark::detail).findFirst().orElse("?");
        List<Mark> lost = timeline.marks(WORKER, MarkKind.CONNECTION_LOST);
        List<Mark> reconnected = timeline.marks(WORKER, MarkKind.RECONNECTED);
        Mark back = reconnected.isEmpty() ? null : reconnected.get(0);
        // What came after the loss came on the new connection (the old one was dead). Not "after
        // reconnected": amqp-client reports the recovery once it has consumed again, so the
        // redelivery of the held job may arrive a few milliseconds before that event.
        long since = lost.isEmpty() ? Long.MAX_VALUE : lost.get(0).at();
        List<Delivery> deliveries = timeline.deliveries(WORKER);
        List<String> ackedAfter = back == null ? List.of() : deliveries.stream()
                .filter(d -> d.settled() && d.settledAt() >= since).map(Delivery::body).collect(Collectors.toList());
        List<String> held = timeline.marks(WORKER, MarkKind.ABANDONED).stream().map(Mark::body).sorted()
                .collect(Collectors.toList());
        List<String> redelivered = back == null ? List.of() : deliveries.stream()
                .filter(d -> d.redelivered() && d.receivedAt() >= since).map(Delivery::body).sorted()
                .collect(Collectors.toList());
        Accounting accounting = Checks.accounting(timeline, WORKER);
        String label = Checks.label(timeline, WORKER);
        String lostFrom = lost.isEmpty() ? "-" : lost.get(0).detail();
        String backTo = back == null ? "-" : back.detail();
        return Verdict.builder()
                .check(Check.of(!lost.isEmpty() && lostFrom.equals(killed), "check.nodeKilled", killed, label, lostFrom))
                .check(Check.of(back != null && !backTo.equals(killed) && !ackedAfter.isEmpty(), "check.failover",
                        label, backTo, ackedAfter))
                .check(Check.of(redelivered.containsAll(held), "check.requeued", label, held, redelivered))
                .check(Check.of(accounting.missing().isEmpty() && accounting.unexpected().isEmpty(),
                        "check.atLeastOnce", accounting.missing(), accounting.duplicated()))
                .check(Checks.empty(queue, left))
                .check(Check.of(nodeBack, "check.nodeBack", killed))
                .summary("verdict.node-failover", timeline.sent().size(), label, killed, backTo,
                        back == null ? "-" : back.value() + " ms", ackedAfter.size(), accounting.missing().size(),
                        accounting.duplicated().size());
    }
}
