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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bloque A, "how could a distributed operation be built": an order goes through the stages
 * reserve, charge and ship, each a queue with its own worker process that forwards the order
 * (same correlation id) to the next queue. The submitter exits at once. The charge worker is
 * stopped: orders pile up in its queue, and complete once it is started again.
 */
final class DistributedOperation implements Scenario {
    static final int ORDERS = 4;
    static final String SUBMITTER = "submitter";
    static final String CHARGE = "charge";
    static final String CHARGE_AGAIN = "charge-2";
    static final String SHIP = "ship";

    @Override
    public String id() {
        return "distributed-operation";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String reserveQueue = ctx.queue("orders.reserve");
        String chargeQueue = ctx.queue("orders.charge");
        String shipQueue = ctx.queue("orders.ship");
        String chargeStage = ctx.messages().get("stage.charge");
        LabParticipant reserve = ctx.startStage("reserve", ctx.messages().get("stage.reserve"), "work",
                "--queue", reserveQueue, "--forward-to", chargeQueue, "--ack-delay", "100ms");
        String[] charging = {"work", "--queue", chargeQueue, "--forward-to", shipQueue, "--ack-delay", "200ms"};
        LabParticipant charge = ctx.startStage(CHARGE, chargeStage, charging);
        LabParticipant ship = ctx.startStage(SHIP, ctx.messages().get("stage.ship"), "work", "--queue", shipQueue,
                "--ack-delay", "100ms");
        ctx.awaitConsuming(reserve, charge, ship);

        LabParticipant submitter = ctx.start(SUBMITTER, "task", ctx.body("order"), "--queue", reserveQueue,
                "--count", Integer.toString(ORDERS), "--correlation-id", ctx.body("orderId"));
        ctx.awaitExit(submitter);
        int submitted = submitter.count("sent");
        ctx.await("step.firstCharged", () -> charge.count("forwarded") >= 1);
        ctx.stop(charge);
        ctx.awaitCount(() -> reserve.count("forwarded"), submitted, List.of(reserve), reserveQueue);
        long expectedPile = reserve.count("forwarded") - charge.count("acked");
        ctx.settle(() -> ctx.consumers(chargeQueue) == 0 && ctx.ready(chargeQueue) == expectedPile);
        long piled = ctx.depth(chargeQueue);

        LabParticipant again = ctx.startStage(CHARGE_AGAIN, chargeStage, charging);
        ctx.awaitCount(() -> ship.count("acked"), submitted, List.of(reserve, again, ship), reserveQueue,
                chargeQueue, shipQueue);
        ctx.stop(reserve, again, ship);
        long left = ctx.depth(reserveQueue) + ctx.depth(chargeQueue) + ctx.depth(shipQueue);
        Timeline timeline = ctx.timeline();
        Map<String, String> orders = orders(timeline);
        ctx.lostWhereSent(completed(timeline, orders).missing().stream().map(orders::get).collect(Collectors.toList()));
        return judge(ctx.messages(), timeline, chargeQueue, piled, expectedPile, left);
    }

    /**
     * @param piled        what the charge queue held while its worker was down
     * @param expectedPile what the previous stage passed on minus what the charge worker acked
     */
    static Verdict judge(Messages messages, Timeline timeline, String chargeQueue, long piled, long expectedPile,
                         long left) {
        Map<String, String> orders = orders(timeline);
        Accounting completed = completed(timeline, orders);
        List<String> altered = timeline.deliveries().stream()
                .filter(d -> d.correlationId() == null || !d.body().equals(orders.get(d.correlationId())))
                .map(d -> d.body() + " [" + d.correlationId() + "]").collect(Collectors.toList());
        List<String> held = timeline.deliveries(CHARGE).stream().filter(d -> !d.settled())
                .map(Delivery::correlationId).collect(Collectors.toList());
        List<String> redelivered = timeline.deliveries(CHARGE_AGAIN).stream().filter(Delivery::redelivered)
                .map(Delivery::correlationId).collect(Collectors.toList());
        List<Delivery> shipped = timeline.deliveries(SHIP).stream().filter(Delivery::settled).toList();
        return Verdict.builder()
                .check(Check.of(completed.exact(), "check.completed", completed.missing(), completed.duplicated()))
                .check(Check.of(altered.isEmpty(), "check.correlation", altered))
                .check(Check.of(piled == expectedPile && piled > 0, "check.piledUp", chargeQueue, piled, expectedPile))
                .check(Check.of(held.equals(redelivered), "check.heldRedelivered", held, redelivered))
                .check(Check.of(left == 0, "check.emptyStages", left))
                .summary("verdict.distributed-operation", orders.size(), messages.seconds(timeline
                        .marks(SUBMITTER, MarkKind.EXITED).stream().mapToLong(Mark::at).findFirst().orElse(0)),
                        timeline.lane(CHARGE).label(), piled, shipped.size(),
                        messages.seconds(shipped.stream().mapToLong(Delivery::settledAt).max().orElse(0)));
    }

    /** The orders submitted: correlation id to body. */
    private static Map<String, String> orders(Timeline timeline) {
        Map<String, String> orders = new LinkedHashMap<>();
        timeline.marks(SUBMITTER, MarkKind.SENT).forEach(m -> orders.put(m.correlationId(), m.body()));
        return orders;
    }

    /** Submitted orders against those the last stage finished, by correlation id. */
    private static Accounting completed(Timeline timeline, Map<String, String> orders) {
        List<String> shipped = timeline.deliveries(SHIP).stream().filter(Delivery::settled)
                .map(Delivery::correlationId).collect(Collectors.toList());
        return Accounting.compare(new ArrayList<>(orders.keySet()), shipped);
    }
}
