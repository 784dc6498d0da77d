package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Bloque B, "several workers and several subscribers": workers on one queue share its tasks,
 * each task done once; subscribers, each with its own queue bound to a fanout exchange, each
 * get every event.
 */
final class WorkersVsSubscribers implements Scenario {
    static final int N = 3;
    static final int TASKS = 6;
    static final int EVENTS = 2;

    @Override
    public String id() {
        return "workers-vs-subscribers";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        String exchange = ctx.exchange("business_events");
        List<LabParticipant> workers = new ArrayList<>();
        List<LabParticipant> subscribers = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            workers.add(ctx.start("worker-" + i, "work", "--queue", queue, "--ack-delay", "100ms"));
        }
        for (int i = 1; i <= N; i++) {
            subscribers.add(ctx.start("subscriber-" + i, "subscribe", "--exchange", exchange));
        }
        List<LabParticipant> consumers = new ArrayList<>(workers);
        consumers.addAll(subscribers);
        ctx.awaitConsuming(consumers.toArray(new LabParticipant[0]));
        LabParticipant tasks = ctx.start("tasks", "task", ctx.body("task"), "--queue", queue,
                "--count", Integer.toString(TASKS));
        LabParticipant events = ctx.start("events", "publish", ctx.body("event"), "--exchange", exchange,
                "--count", Integer.toString(EVENTS));
        ctx.awaitExit(tasks);
        ctx.awaitExit(events);
        ctx.awaitCount(() -> ScenarioContext.total(workers, "acked"), tasks.count("sent"), workers, queue);
        ctx.awaitCount(() -> ScenarioContext.total(subscribers, "received"), events.count("sent") * N, subscribers);
        ctx.stop(consumers.toArray(new LabParticipant[0]));
        long left = ctx.depth(queue);

        Timeline timeline = ctx.timeline();
        List<String> done = Checks.settled(timeline, workers.toArray(new LabParticipant[0]));
        Accounting accounting = Accounting.compare(timeline.sent(tasks.id()), done);
        ctx.lostWhereSent(accounting.missing());
        List<String> shares = new ArrayList<>();
        boolean everyWorkerWorked = true;
        for (LabParticipant w : workers) {
            int n = timeline.settled(w.id()).size();
            everyWorkerWorked &= n > 0;
            shares.add(Checks.label(w) + ": " + n);
        }
        List<String> missed = new ArrayList<>();
        for (LabParticipant s : subscribers) {
            Accounting got = Accounting.compare(timeline.sent(events.id()), timeline.settled(s.id()));
            if (!got.exact()) {
                missed.add(Checks.label(s) + ": " + ctx.messages().get("accounting.short", got.missing(),
                        got.duplicated()));
            }
        }
        return Verdict.builder()
                .check(Checks.exactlyOnce(accounting))
                .check(Check.of(everyWorkerWorked, "check.shared", shares))
                .check(Check.of(missed.isEmpty(), "check.everyEvent", N, missed))
                .check(Checks.empty(queue, left))
                .summary("verdict.workers-vs-subscribers", done.size(), N, shares, timeline.sent(events.id()).size(),
                        N);
    }
}
