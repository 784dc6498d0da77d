package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.LabParticipant;
import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Delivery;
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

    @Override
    public String id() {
        return "distributed-operation";
    }

    @Override
    public Verdict run(ScenarioContext ctx) {
        String reserveQueue = ctx.queue("orders.reserve");
        String chargeQueue = ctx.queue("orders.charge");
        String shipQueue = ctx.queue("orders.ship");
        String reserveStage = ctx.messages().get("stage.reserve");
        String chargeStage = ctx.messages().get("stage.charge");
        String shipStage = ctx.messages().get("stage.ship");
        LabParticipant reserve = ctx.startStage("reserve", reserveStage, "work", "--queue", reserveQueue,
                "--forward-to", chargeQueue, "--ack-delay", "100ms");
        String[] charging = {"work", "--queue", chargeQueue, "--forward-to", shipQueue, "--ack-delay", "200ms"};
        LabParticipant charge = ctx.startStage("charge", chargeStage, charging);
        LabParticipant ship = ctx.startStage("ship", shipStage, "work", "--queue", shipQueue, "--ack-delay", "100ms");
        ctx.awaitConsuming(reserve, charge, ship);

        LabParticipant submitter = ctx.start("submitter", "task", ctx.body("order"), "--queue", reserveQueue,
                "--count", Integer.toString(ORDERS), "--correlation-id", ctx.body("orderId"));
        ctx.awaitExit(submitter);
        int submitted = submitter.count("sent");
        ctx.await("step.firstCharged", () -> charge.count("forwarded") >= 1);
        ctx.stop(charge);
        ctx.awaitCount(() -> reserve.count("forwarded"), submitted, List.of(reserve), reserveQueue);
        long expectedPile = reserve.count("forwarded") - charge.count("acked");
        ctx.settle(() -> ctx.consumers(chargeQueue) == 0 && ctx.ready(chargeQueue) == expectedPile);
        long piled = ctx.depth(chargeQueue);

        LabParticipant again = ctx.startStage("charge-2", chargeStage, charging);
        ctx.awaitCount(() -> ship.count("acked"), submitted, List.of(reserve, again, ship), reserveQueue,
                chargeQueue, shipQueue);
        ctx.stop(reserve, again, ship);
        long left = ctx.depth(reserveQueue) + ctx.depth(chargeQueue) + ctx.depth(shipQueue);

        Timeline timeline = ctx.timeline();
        Map<String, String> bodies = new LinkedHashMap<>();
        timeline.marks(submitter.id(), MarkKind.SENT)
                .forEach(m -> bodies.put(m.correlationId(), m.body()));
        List<String> shipped = timeline.deliveries(ship.id()).stream().filter(Delivery::settled)
                .map(Delivery::correlationId).collect(Collectors.toList());
        Accounting completed = Accounting.compare(new ArrayList<>(bodies.keySet()), shipped);
        ctx.lostWhereSent(completed.missing().stream().map(bodies::get).collect(Collectors.toList()));
        List<String> altered = timeline.deliveries().stream()
                .filter(d -> d.correlationId() == null || !d.body().equals(bodies.get(d.correlationId())))
                .map(d -> d.body() + " [" + d.correlationId() + "]").collect(Collectors.toList());
        List<String> held = timeline.deliveries(charge.id()).stream().filter(d -> !d.settled())
                .map(Delivery::correlationId).collect(Collectors.toList());
        List<String> redelivered = timeline.deliveries(again.id()).stream().filter(Delivery::redelivered)
                .map(Delivery::correlationId).collect(Collectors.toList());
        return Verdict.builder()
                .check(Check.of(completed.exact(), "check.completed", completed.missing(), completed.duplicated()))
                .check(Check.of(altered.isEmpty(), "check.correlation", altered))
                .check(Check.of(piled == expectedPile && piled > 0, "check.piledUp", chargeQueue, piled,
                        expectedPile))
                .check(Check.of(held.equals(redelivered), "check.heldRedelivered", held, redelivered))
                .check(Check.of(left == 0, "check.emptyStages", left))
                .summary("verdict.distributed-operation", submitted, seconds(ctx, timeline, submitter),
                        chargeStage, piled, shipped.size(), ctx.messages().seconds(timeline.deliveries(ship.id())
                                .stream().mapToLong(Delivery::settledAt).max().orElse(0)));
    }

    /** When the participant's process ended, as seconds into the scenario. */
    private static String seconds(ScenarioContext ctx, Timeline timeline, LabParticipant p) {
        return ctx.messages().seconds(timeline.marks(p.id(), MarkKind.EXITED).stream().mapToLong(m -> m.at())
                .findFirst().orElse(0));
    }
}
