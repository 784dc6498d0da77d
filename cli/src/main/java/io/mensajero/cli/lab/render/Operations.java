package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Progress per operation, for timelines whose messages carry correlation ids: for each id, when
 * it was submitted and when each stage finished it (acked), with the lane when a stage had
 * several workers and a mark when the stage got it as a redelivery. Shared by both renderers.
 */
final class Operations {
    static final String REDELIVERED = " ↻";

    private final Messages messages;

    Operations(Messages messages) {
        this.messages = messages;
    }

    /** The stages, in the order of their lanes. */
    static List<String> stages(Timeline timeline) {
        Set<String> stages = new LinkedHashSet<>();
        for (Lane lane : timeline.lanes()) {
            if (lane.stage() != null) {
                stages.add(lane.stage());
            }
        }
        return new ArrayList<>(stages);
    }

    static boolean applies(Timeline timeline) {
        return !timeline.correlationIds().isEmpty() && !stages(timeline).isEmpty();
    }

    /** Header then one row per operation: id, submitted, then one cell per stage ("—" when it never got there). */
    List<String[]> rows(Timeline timeline) {
        List<String> stages = stages(timeline);
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[stages.size() + 2];
        header[0] = messages.get("text.operation");
        header[1] = messages.get("text.submitted");
        for (int i = 0; i < stages.size(); i++) {
            header[i + 2] = stages.get(i);
        }
        rows.add(header);
        for (String id : timeline.correlationIds()) {
            String[] row = new String[stages.size() + 2];
            row[0] = id;
            row[1] = timeline.marks(MarkKind.SENT).stream().filter(m -> id.equals(m.correlationId()))
                    .map(m -> messages.seconds(m.at())).findFirst().orElse("—");
            for (int i = 0; i < stages.size(); i++) {
                row[i + 2] = cell(timeline, stages.get(i), id);
            }
            rows.add(row);
        }
        return rows;
    }

    private String cell(Timeline timeline, String stage, String id) {
        List<Lane> lanes = timeline.lanes().stream().filter(l -> stage.equals(l.stage())).toList();
        for (Lane lane : lanes) {
            for (Delivery d : timeline.deliveries(lane.id())) {
                if (id.equals(d.correlationId()) && d.settled()) {
                    String by = lanes.size() > 1 && lane != lanes.get(0) ? ", " + lane.label() : "";
                    return messages.seconds(d.settledAt()) + by + (d.redelivered() ? REDELIVERED : "");
                }
            }
        }
        boolean lost = timeline.marks(MarkKind.LOST).stream().map(Mark::correlationId).anyMatch(id::equals);
        return lost ? messages.get("text.lostCell") : "—";
    }
}
