package io.mensajero.cli.lab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a queue's messages were dealt out among its consumers. */
public final class Dispatch {
    private Dispatch() {
    }

    /**
     * Which lane got each message, in the order the messages were sent (first deliveries only:
     * redeliveries are left out). Messages nobody received are left out too.
     */
    public static List<String> turns(Timeline timeline, List<String> consumerLanes) {
        Map<String, Integer> sendOrder = new HashMap<>();
        List<String> sent = timeline.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            sendOrder.put(sent.get(i), i);
        }
        List<Delivery> first = new ArrayList<>();
        for (Delivery d : timeline.deliveries()) {
            if (consumerLanes.contains(d.lane()) && !d.redelivered() && sendOrder.containsKey(d.body())) {
                first.add(d);
            }
        }
        first.sort(Comparator.comparingInt(d -> sendOrder.get(d.body())));
        return first.stream().map(Delivery::lane).collect(Collectors.toList());
    }

    /** True when no consumer got two messages in a row while another was waiting its turn. */
    public static boolean takesTurns(List<String> turns, int consumers) {
        if (consumers < 2) {
            return true;
        }
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).equals(turns.get(i - 1))) {
                return false;
            }
        }
        return turns.stream().distinct().count() == Math.min(consumers, turns.size());
    }

    /** How many deliveries (first or not) each lane settled, in the given lane order. */
    public static Map<String, Integer> settledCounts(Timeline timeline, List<String> lanes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String lane : lanes) {
            counts.put(lane, timeline.settled(lane).size());
        }
        return counts;
    }
}
