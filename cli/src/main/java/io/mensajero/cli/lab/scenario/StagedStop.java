package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.ScenarioIncomplete;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;
import io.mensajero.cli.process.ParticipantEvent;

import java.util.List;

/**
 * Bloque A, "implement a staged operation and stop sending": the staged producer gets SIGINT in
 * the middle of stage 2, between two messages; two receivers drain what it sent.
 */
final class StagedStop implements Scenario {
    static final int STAGES = 3;
    static final int PER_STAGE = 3;
    static final String A = "a";
    static final String B = "b";

    @Override
    public String id() {
        return "staged-stop";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("hello");
        LabParticipant a = ctx.start(A, "receive", "--queue", queue);
        LabParticipant b = ctx.start(B, "receive", "--queue", queue);
        ctx.awaitConsuming(a, b);
        LabParticipant staged = ctx.start("staged", "staged", "--queue", queue, "--body", ctx.body("stage"),
                "--stages", Integer.toString(STAGES), "--per-stage", Integer.toString(PER_STAGE),
                "--pause", "200ms", "--stage-pause", "300ms");
        ctx.await("step.stage", () -> staged.events("sent").stream()
                .anyMatch(e -> e.number("stage") == 2 && e.number("message") == 2), 2);
        ctx.interrupt(staged);
        ctx.awaitExit(staged);
        ParticipantEvent summary = staged.summary();
        if (summary == null) {
            throw new ScenarioIncomplete(ctx.messages().get("incomplete.summary", staged.lane().label()));
        }
        ctx.awaitTotal(List.of(a, b), "received", staged.count("sent"), queue);
        ctx.stop(a, b);
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWhereSent(Checks.accounting(timeline, A, B).missing());
        List<ParticipantEvent> sent = staged.events("sent");
        long lastStage = sent.isEmpty() ? 0 : sent.get(sent.size() - 1).number("stage");
        return judge(timeline, queue, left, summary.string("reason"), summary.number("sent"),
                summary.number("stagesCompleted"), lastStage);
    }

    /** {@code reason}, {@code reported} and {@code stagesCompleted} come from the producer's summary. */
    static Verdict judge(Timeline timeline, String queue, long left, String reason, long reported,
                         long stagesCompleted, long lastStage) {
        Accounting accounting = Checks.accounting(timeline, A, B);
        int sent = timeline.sent().size();
        int total = STAGES * PER_STAGE;
        boolean stoppedEarly = "SIGINT".equals(reason) && sent < total && reported == sent;
        int byA = timeline.settled(A).size();
        int byB = timeline.settled(B).size();
        return Verdict.builder()
                .check(Check.of(stoppedEarly, "check.stopped", reason, reported, sent, total))
                .check(Checks.exactlyOnce(accounting))
                .check(Checks.empty(queue, left))
                .summary("verdict.staged-stop", sent, total, lastStage, stagesCompleted, byA + byB,
                        Checks.label(timeline, A), byA, Checks.label(timeline, B), byB);
    }
}
