package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Dispatch;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.List;

/** Bloque A, "keep two receivers": two consumers on one queue take turns. */
final class TwoReceivers implements Scenario {
    static final int MESSAGES = 6;
    static final String A = "a";
    static final String B = "b";

    @Override
    public String id() {
        return "two-receivers";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("hello");
        LabParticipant a = ctx.start(A, "receive", "--queue", queue);
        LabParticipant b = ctx.start(B, "receive", "--queue", queue);
        ctx.awaitConsuming(a, b);
        LabParticipant sender = ctx.start("sender", "send", ctx.body("message"), "--queue", queue,
                "--count", Integer.toString(MESSAGES));
        ctx.awaitExit(sender);
        ctx.awaitTotal(List.of(a, b), "received", sender.count("sent"), queue);
        ctx.stop(a, b);
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWhereSent(Checks.accounting(timeline, A, B).missing());
        return judge(timeline, queue, left);
    }

    static Verdict judge(Timeline timeline, String queue, long left) {
        Accounting accounting = Checks.accounting(timeline, A, B);
        List<String> turns = Dispatch.turns(timeline, List.of(A, B));
        return Verdict.builder()
                .check(Checks.exactlyOnce(accounting))
                .check(Check.of(Dispatch.takesTurns(turns, 2), "check.turns", Checks.labels(timeline, turns)))
                .check(Checks.empty(queue, left))
                .summary("verdict.two-receivers", timeline.sent().size(), Checks.label(timeline, A),
                        timeline.settled(A).size(), Checks.label(timeline, B), timeline.settled(B).size());
    }
}
