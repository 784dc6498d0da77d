package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.model.Accounting;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Checks several scenarios make, and small helpers for them. */
final class Checks {
    private Checks() {
    }

    /** Every confirmed message reached a consumer exactly once. */
    static Check exactlyOnce(Accounting accounting) {
        return Check.of(accounting.exact(), "check.exactlyOnce", accounting.missing(), accounting.duplicated(),
                accounting.unexpected());
    }

    /** Nothing is left in the queue at the end. */
    static Check empty(String queue, long ready) {
        return Check.of(ready == 0, "check.empty", queue, ready);
    }

    /** Everything the senders sent, against what these lanes settled. */
    static Accounting accounting(Timeline timeline, String... lanes) {
        return Accounting.compare(timeline.sent(), settled(timeline, lanes));
    }

    /** What the lanes settled (received with auto-ack, or acked/done), all together. */
    static List<String> settled(Timeline timeline, String... lanes) {
        List<String> all = new ArrayList<>();
        for (String lane : lanes) {
            all.addAll(timeline.settled(lane));
        }
        return all;
    }

    /** Lane ids shown as their labels. */
    static List<String> labels(Timeline timeline, List<String> laneIds) {
        return laneIds.stream().map(id -> label(timeline, id)).collect(Collectors.toList());
    }

    static String label(Timeline timeline, String lane) {
        return timeline.lane(lane).label();
    }
}
