package io.mensajero.scenarios.lab;

import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;

import java.util.ArrayList;
import java.util.List;

/** Made-up runs whose marks are milliseconds apart, for the timeline's rendering in Chromium. */
final class DenseRuns {
    private DenseRuns() {
    }

    private static Lane worker(String id, String command) {
        return new Lane(id, id, command, Lane.Role.WORKER, null);
    }

    private static Lane sender(String id, String command) {
        return new Lane(id, id, command, Lane.Role.SENDER, null);
    }

    private static Lane broker() {
        return new Lane("broker", "broker", "", Lane.Role.BROKER, null);
    }

    /** ack-delay-kill within a few milliseconds, after a second of start-up. */
    static Timeline killed() {
        List<Mark> m = new ArrayList<>();
        m.add(Mark.of("slow", 900, MarkKind.STARTED));
        m.add(Mark.of("fast", 950, MarkKind.STARTED));
        for (int i = 1; i <= 4; i++) {
            m.add(Mark.message("jobs", 1000 + i / 2, MarkKind.SENT, "job " + i, null, i));
        }
        m.add(Mark.received("slow", 1002, "job 1", null, 1, false));
        for (int i = 2; i <= 4; i++) {
            m.add(Mark.received("fast", 1002, "job " + i, null, i - 1, false));
            m.add(Mark.message("fast", 1003, MarkKind.ACKED, "job " + i, null, i - 1));
        }
        m.add(Mark.of("slow", 1003, MarkKind.KILLED));
        m.add(Mark.exited("slow", 1004, 137));
        m.add(Mark.received("fast", 1004, "job 1", null, 4, true));
        m.add(Mark.message("fast", 1004, MarkKind.ACKED, "job 1", null, 4));
        m.add(Mark.signal("fast", 1004, "SIGINT"));
        m.add(Mark.exited("fast", 1005, 0));
        m.add(Mark.depth("broker", 1005, "task_queue", 0));
        m.add(Mark.depth("broker", 1006, "task_queue", 0));
        return new Timeline(1008, List.of(worker("slow", "work --ack-delay 30s"), worker("fast", "work"),
                sender("jobs", "task \"job {n}\" --count 4"), broker()), m);
    }

    /** auto-ack-loss within a millisecond: the losses at the kill, and one lost where it was sent. */
    static Timeline lost() {
        List<Mark> m = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            m.add(Mark.message("jobs", 2000, MarkKind.SENT, "job " + i, null, i));
        }
        m.add(Mark.lost("jobs", 2000, "job 12", null));
        m.add(Mark.received("slow-auto", 2000, "job 1", null, 1, false));
        m.add(Mark.received("fast", 2000, "job 2", null, 1, false));
        m.add(Mark.message("fast", 2000, MarkKind.ACKED, "job 2", null, 1));
        m.add(Mark.of("slow-auto", 2001, MarkKind.KILLED));
        for (String body : List.of("job 1", "job 3", "job 4", "job 5", "job 6", "job 7")) {
            m.add(Mark.lost("slow-auto", 2001, body, null));
        }
        m.add(Mark.signal("fast", 2001, "SIGINT"));
        m.add(Mark.signal("jobs", 2001, "SIGTERM"));
        return new Timeline(2003, List.of(worker("slow-auto", "work --auto-ack --ack-delay 30s"), worker("fast", "work"),
                sender("jobs", "task \"job {n}\" --count 12"), broker()), m);
    }

    /** A pipeline with every kind of label at once: stops, restarts, redeliveries, depths, losses. */
    static Timeline everyLabel() {
        List<Mark> m = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            m.add(Mark.message("submitter", 3000 + i, MarkKind.SENT, "order " + i, "order-" + i, i));
            m.add(Mark.received("reserve", 3000 + i, "order " + i, "order-" + i, i, false));
            m.add(Mark.message("reserve", 3001 + i, MarkKind.FORWARDED, "order " + i, "order-" + i, i));
            m.add(Mark.message("reserve", 3001 + i, MarkKind.ACKED, "order " + i, "order-" + i, i));
            m.add(Mark.depth("broker", 3000 + i, "orders.charge", i));
        }
        m.add(Mark.received("charge", 3002, "order 1", "order-1", 1, false));
        m.add(Mark.signal("charge", 3003, "SIGINT"));
        m.add(Mark.signal("reserve", 3003, "SIGTERM"));
        m.add(Mark.signal("submitter", 3003, "SIGINT"));
        m.add(Mark.exited("charge", 3004, 0));
        m.add(Mark.received("charge-2", 3005, "order 1", "order-1", 1, true));
        for (int i = 2; i <= 6; i++) {
            m.add(Mark.received("charge-2", 3005 + i / 3, "order " + i, "order-" + i, i, false));
            m.add(Mark.message("charge-2", 3006, MarkKind.ACKED, "order " + i, "order-" + i, i));
        }
        m.add(Mark.lost("submitter", 3006, "order 6", "order-6"));
        m.add(Mark.failed("charge-2", 3007, "lost the connection to the broker"));
        m.add(Mark.of("charge-2", 3007, MarkKind.KILLED));
        return new Timeline(3009, List.of(sender("submitter", "task \"order {n}\" --count 6"),
                worker("reserve", "work --forward-to orders.charge"), worker("charge", "work --forward-to orders.ship"),
                worker("charge-2", "work --forward-to orders.ship"), broker()), m);
    }
}
