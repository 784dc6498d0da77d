package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.Messages;
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
    static final String TASKS_LANE = "tasks";
    static final String EVENTS_LANE = "events";

    @Override
    public String id() {
        return "workers-vs-subscribers";
    }

    static List<String> workers() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            ids.add("worker-" + i);
        }
        return ids;
    }

    static List<String> subscribers() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            ids.add("subscriber-" + i);
        }
        return ids;
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("task_queue");
        String exchange = ctx.exchange("business_events");
        List<LabParticipant> workers = new ArrayList<>();
        List<LabParticipant> subscribers = new ArrayList<>();
        workers().forEach(id -> workers.add(ctx.start(id, "work", "--queue", queue, "--ack-delay", "100ms")));
        subscribers().forEach(id -> subscribers.add(ctx.start(id, "subscribe", "--exchange", exchange)));
        List<LabParticipant> consumers = new ArrayList<>(workers);
        consumers.addAll(subscribers);
        ctx.awaitConsuming(consumers.toArray(new LabParticipant[0]));
        LabParticipant tasks = ctx.start(TASKS_LANE, "task", ctx.body("task"), "--queue", queue,
                "--count", Integer.toString(TASKS));
        LabParticipant events = ctx.start(EVENTS_LANE, "publish", ctx.body("event"), "--exchange", exchange,
                "--count", Integer.toString(EVENTS));
        ctx.awaitExit(tasks);
        ctx.awaitExit(events);
        ctx.awaitTotal(workers, "acked", tasks.count("sent"), queue);
        ctx.awaitTotal(subscribers, "received", events.count("sent") * N);
        ctx.stop(consumers.toArray(new LabParticipant[0]));
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWhereSent(Accounting.compare(timeline.sent(TASKS_LANE),
                Checks.settled(timeline, workers().toArray(new String[0]))).missing());
        return judge(ctx.messages(), timeline, queue, left);
    }

    static Verdict judge(Messages messages, Timeline timeline, String queue, long left) {
        List<String> done = Checks.settled(timeline, workers().toArray(new String[0]));
        Accounting accounting = Accounting.compare(timeline.sent(TASKS_LANE), done);
        List<String> shares = new ArrayList<>();
        boolean everyWorkerWorked = true;
        for (String w : workers()) {
            int n = timeline.settled(w).size();
            everyWorkerWorked &= n > 0;
            shares.add(Checks.label(timeline, w) + ": " + n);
        }
        List<String> missed = new ArrayList<>();
        for (String s : subscribers()) {
            Accounting got = Accounting.compare(timeline.sent(EVENTS_LANE), timeline.settled(s));
            if (!got.exact()) {
                missed.add(Checks.label(timeline, s) + ": " + messages.get("accounting.short", got.missing(),
                        got.duplicated()));
            }
        }
        return Verdict.builder()
                .check(Checks.exactlyOnce(accounting))
                .check(Check.of(everyWorkerWorked, "check.shared", shares))
                .check(Check.of(missed.isEmpty(), "check.everyEvent", N, missed))
                .check(Checks.empty(queue, left))
                .summary("verdict.workers-vs-subscribers", done.size(), N, shares,
                        timeline.sent(EVENTS_LANE).size(), N);
    }
}
