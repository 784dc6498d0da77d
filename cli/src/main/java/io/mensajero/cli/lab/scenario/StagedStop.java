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
    private static final int STAGES = 3;
    private static final int PER_STAGE = 3;

    @Override
    public String id() {
        return "staged-stop";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("hello");
        LabParticipant a = ctx.start("a", "receive", "--queue", queue);
        LabParticipant b = ctx.start("b", "receive", "--queue", queue);
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
            throw new ScenarioIncomplete(ctx.messages().get("incomplete.summary", Checks.label(staged)));
        }
        List<LabParticipant> receivers = List.of(a, b);
        ctx.awaitCount(() -> ScenarioContext.total(receivers, "received"), staged.count("sent"), receivers, queue);
        ctx.stop(a, b);
        long left = ctx.depth(queue);

        Timeline timeline = ctx.timeline();
        Accounting accounting = Accounting.compare(timeline.sent(), Checks.settled(timeline, a, b));
        ctx.lostWhereSent(accounting.missing());
        long sent = staged.count("sent");
        List<ParticipantEvent> sentEvents = staged.events("sent");
        long lastStage = sentEvents.isEmpty() ? 0 : sentEvents.get(sentEvents.size() - 1).number("stage");
        String reason = summary.string("reason");
        boolean stoppedEarly = "SIGINT".equals(reason) && sent < STAGES * PER_STAGE
                && summary.number("sent") == sent;
        return Verdict.builder()
                .check(Check.of(stoppedEarly, "check.stopped", reason, summary.number("sent"), sent,
                        STAGES * PER_STAGE))
                .check(Checks.exactlyOnce(accounting))
                .check(Checks.empty(queue, left))
                .summary("verdict.staged-stop", sent, STAGES * PER_STAGE, lastStage,
                        summary.number("stagesCompleted"), timeline.settled(a.id()).size()
                                + timeline.settled(b.id()).size(),
                        Checks.label(a), timeline.settled(a.id()).size(), Checks.label(b),
                        timeline.settled(b.id()).size());
    }
}
