package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.List;

/** producer.py and consumer.py: a consumer waits on {@code hello}, a producer sends one message. */
final class Hello implements Scenario {
    static final String CONSUMER = "consumer";

    @Override
    public String id() {
        return "hello";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String queue = ctx.queue("hello");
        LabParticipant consumer = ctx.start(CONSUMER, "receive", "--queue", queue);
        ctx.awaitConsuming(consumer);
        LabParticipant producer = ctx.start("producer", "send", "--queue", queue);
        ctx.awaitExit(producer);
        ctx.awaitCount(() -> consumer.count("received"), producer.count("sent"), List.of(consumer), queue);
        ctx.stop(consumer);
        long left = ctx.depth(queue);
        Timeline timeline = ctx.timeline();
        ctx.lostWhereSent(Checks.accounting(timeline, CONSUMER).missing());
        return judge(timeline, queue, left);
    }

    static Verdict judge(Timeline timeline, String queue, long left) {
        Accounting accounting = Checks.accounting(timeline, CONSUMER);
        return Verdict.builder()
                .check(Checks.exactlyOnce(accounting))
                .check(Checks.empty(queue, left))
                .summary("verdict.hello", timeline.sent().size(), timeline.settled(CONSUMER).size(), left);
    }
}
