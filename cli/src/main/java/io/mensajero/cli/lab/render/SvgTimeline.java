package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.mensajero.cli.lab.render.Xml.escape;

/**
 * One scenario's timeline as inline SVG: time runs left to right, one lane per participant (and
 * one for the broker's queue depths). Sent messages are blue triangles, deliveries green dots, a
 * worker's time between a delivery and its ack a bar; redeliveries are orange, losses red
 * crosses, signals vertical lines. A delivery never settled is a yellow bar that ends where its
 * holder died or stopped, and its fate is drawn there: a dashed line to whoever the broker gave
 * it to next, or the loss. Labels never overlap: a lane takes as many rows of them as it needs
 * ({@link Labels}). Every mark has a tooltip. The time axis starts just before the first thing
 * that happened (the participants' JVMs starting is left out).
 */
final class SvgTimeline {
    static final int WIDTH = 960;
    static final int LABEL = 200;
    static final int TOP = 26;
    private static final int RIGHT = 24;
    /** The least distance between two small marks of a lane, in pixels. */
    private static final double GAP = 11;
    private static final double NUMBER_FONT = 9;
    private static final double LABEL_FONT = 11;
    private static final double SIGNAL_FONT = 10;
    private static final Set<MarkKind> POINTS = EnumSet.of(MarkKind.SENT, MarkKind.RECEIVED, MarkKind.DEPTH);

    private final Messages messages;

    SvgTimeline(Messages messages) {
        this.messages = messages;
    }

    /** A lane laid out: where its marks and labels go, and how tall it is. */
    private record LaneView(Lane lane, List<Mark> marks, Map<Mark, Double> xs, Labels labels, List<Bar> bars,
                            double top, double mid, double height) {
    }

    /** A worker's delivery drawn as a bar, and for one never settled, its fate. */
    private record Bar(Delivery delivery, long to, Mark fate) {
    }

    String render(String scenario, Timeline timeline) {
        Scale span = Scale.of(timeline);
        List<LaneView> views = new ArrayList<>();
        double top = TOP;
        for (Lane lane : timeline.lanes()) {
            LaneView view = layoutLane(timeline, lane, span, top);
            views.add(view);
            top += view.height();
        }
        int height = (int) Math.ceil(top) + 6;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(messages.get("html.timelineOf", scenario)))
                .append("\">\n");
        axis(svg, span, height);
        int index = 0;
        for (LaneView view : views) {
            lane(svg, scenario, timeline, view, index++, span);
        }
        fates(svg, views, span);
        svg.append("</svg>\n");
        return svg.toString();
    }

    // ---- layout -------------------------------------------------------------------------------

    private LaneView layoutLane(Timeline timeline, Lane lane, Scale span, double top) {
        List<Mark> marks = timeline.marks(lane.id());
        Map<Mark, Double> xs = layout(marks, span);
        Labels labels = new Labels();
        for (Mark mark : marks) {
            if (mark.kind() == MarkKind.SENT || mark.kind() == MarkKind.RECEIVED) {
                String n = number(mark.body());
                if (!n.isEmpty()) {
                    double w = Labels.width(n, NUMBER_FONT, false);
                    labels.fixed(n, xs.get(mark) - w / 2, -1, w, "n");
                }
            }
        }
        long end = timeline.laneEnd(lane.id());
        List<Bar> bars = new ArrayList<>();
        if (lane.role() == Lane.Role.WORKER) {
            for (Delivery d : timeline.deliveries(lane.id())) {
                long to = d.settled() ? d.settledAt() : d.failed() ? d.failedAt() : Math.max(d.receivedAt(), end);
                bars.add(new Bar(d, to, timeline.fate(d).orElse(null)));
            }
        }
        Mark previous = null;
        for (Mark mark : marks) {
            double x = xs.get(mark);
            switch (mark.kind()) {
                case SIGNAL, KILLED -> {
                    String text = mark.kind() == MarkKind.KILLED ? "SIGKILL" : mark.detail();
                    labels.place(text, x + 3, Labels.width(text, SIGNAL_FONT, mark.kind() == MarkKind.KILLED),
                            mark.kind() == MarkKind.KILLED ? "killed" : "signal", 1, 2);
                }
                case FAILED -> labels.place("!", x - 2, Labels.width("!", LABEL_FONT, true) + 2, "failed", -1, 1, -2);
                case LOST -> {
                    if (previous == null || previous.kind() != MarkKind.LOST || previous.at() != mark.at()) {
                        List<String> lost = lostTogether(timeline, mark);
                        String text = messages.get("html.lost", lost, lost.size());
                        labels.place(text, x - 6, Labels.width(text, LABEL_FONT, true), "lost", -1, -2);
                    }
                }
                default -> {
                }
            }
            previous = mark;
        }
        for (Bar bar : bars) {
            if (bar.fate() != null && bar.fate().kind() == MarkKind.RECEIVED) {
                String text = messages.get("html.fate.redelivered", timeline.lane(bar.fate().lane()).label());
                labels.place(text, span.x(bar.to()) + 4, Labels.width(text, LABEL_FONT, true), "fate", -1, 1, -2);
            } else if (bar.fate() != null && !lostHere(timeline, lane, bar)) {
                String text = messages.get("html.fate.lost");
                labels.place(text, span.x(bar.to()) + 4, Labels.width(text, LABEL_FONT, true), "lost", -1, 1, -2);
            }
        }
        double above = 20 + (labels.rowsAbove() - 1) * Labels.ROW;
        double below = 22 + (labels.rowsBelow() - 1) * Labels.ROW;
        return new LaneView(lane, marks, xs, labels, bars, top, top + above, above + below);
    }

    /** Whether the bar's loss is already drawn as a cross on its own lane where the bar ends. */
    private static boolean lostHere(Timeline timeline, Lane lane, Bar bar) {
        return timeline.marks(lane.id(), MarkKind.LOST).stream()
                .anyMatch(m -> m.at() == bar.to() && m.body().equals(bar.delivery().body()));
    }

    /**
     * Where each mark is drawn: at its time, except that small marks a few milliseconds apart
     * would hide each other, so such a cluster is spread out side by side, centred on its
     * marks' times (the tooltips keep the exact times). The spacing leaves room for each mark's
     * number above it.
     */
    static Map<Mark, Double> layout(List<Mark> marks, Scale span) {
        Map<Mark, Double> xs = new IdentityHashMap<>();
        double gap = GAP;
        for (Mark mark : marks) {
            if (mark.kind() == MarkKind.DEPTH) {
                gap = Math.max(gap, 30);
            } else if (POINTS.contains(mark.kind())) {
                gap = Math.max(gap, Labels.width(number(mark.body()), NUMBER_FONT, false) + 4);
            }
        }
        List<Mark> cluster = new ArrayList<>();
        double end = Double.NEGATIVE_INFINITY;
        for (Mark mark : marks) {
            double x = span.x(mark.at());
            xs.put(mark, x);
            if (!POINTS.contains(mark.kind())) {
                continue;
            }
            if (!cluster.isEmpty() && x >= xs.get(cluster.get(cluster.size() - 1)) + gap
                    && x >= end + gap) {
                end = place(cluster, xs, end, gap);
                cluster.clear();
            }
            cluster.add(mark);
        }
        place(cluster, xs, end, gap);
        // A loss marked where its message was sent is drawn over that message's mark.
        for (Mark lost : marks) {
            if (lost.kind() == MarkKind.LOST) {
                marks.stream().filter(m -> m.kind() == MarkKind.SENT && m.at() == lost.at()
                        && m.body() != null && m.body().equals(lost.body())).findFirst()
                        .ifPresent(sent -> xs.put(lost, xs.get(sent)));
            }
        }
        return xs;
    }

    /** Spreads a cluster centred on its mean time, after {@code after}; returns where it ends. */
    private static double place(List<Mark> cluster, Map<Mark, Double> xs, double after, double gap) {
        if (cluster.isEmpty()) {
            return after;
        }
        double mean = cluster.stream().mapToDouble(xs::get).average().orElse(0);
        double first = Math.max(after + gap, mean - gap * (cluster.size() - 1) / 2);
        for (int i = 0; i < cluster.size(); i++) {
            xs.put(cluster.get(i), first + i * gap);
        }
        return first + (cluster.size() - 1) * gap;
    }

    /** The number(s) in a body, e.g. "2" for "job 2", "2.1" for "Etapa 2 - Mensaje 1"; "" when none. */
    static String number(String body) {
        if (body == null) {
            return "";
        }
        return String.join(".", java.util.Arrays.stream(body.split("\\D+")).filter(p -> !p.isEmpty()).toList());
    }

    // ---- drawing ------------------------------------------------------------------------------

    private void axis(StringBuilder svg, Scale span, int height) {
        long step = span.step();
        svg.append("<g class=\"axis\">");
        for (long t = (span.from() + step - 1) / step * step; t <= span.to(); t += step) {
            double x = span.x(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, TOP - 4, x,
                    height - 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x, TOP - 9,
                    escape(String.format(messages.locale(), step < 100 ? "%.3f s" : "%.1f s", t / 1000.0))));
        }
        svg.append("</g>\n");
    }

    private void lane(StringBuilder svg, String scenario, Timeline timeline, LaneView view, int index, Scale span) {
        Lane lane = view.lane();
        double mid = view.mid();
        svg.append("<g class=\"lane role-").append(lane.role().name().toLowerCase(Locale.ROOT))
                .append("\" data-lane=\"").append(escape(scenario + "/" + lane.id())).append("\">");
        svg.append(String.format(Locale.ROOT, "<rect class=\"band%s\" x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>",
                index % 2 == 0 ? "" : " odd", view.top(), WIDTH, view.height()));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"8\" y=\"%.1f\">", mid - 2))
                .append(escape(shorten(lane.label(), 26))).append("</text>");
        if (!lane.command().isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text class=\"command\" x=\"8\" y=\"%.1f\">", mid + 11))
                    .append(escape(shorten(lane.command(), 30))).append("<title>").append(escape(lane.command()))
                    .append("</title></text>");
        }
        life(svg, timeline, lane, mid, span);
        for (Bar bar : view.bars()) {
            bar(svg, bar, mid, span);
        }
        Mark previous = null;
        for (Mark mark : view.marks()) {
            boolean firstOfLosses = mark.kind() == MarkKind.LOST && (previous == null
                    || previous.kind() != MarkKind.LOST || previous.at() != mark.at());
            boolean lostWhereSent = mark.kind() == MarkKind.LOST && view.marks().stream().anyMatch(m ->
                    m.kind() == MarkKind.SENT && m.at() == mark.at() && mark.body().equals(m.body()));
            mark(svg, mark, view.xs().get(mark), mid, firstOfLosses, lostWhereSent);
            previous = mark;
        }
        for (Labels.Placed label : view.labels().all()) {
            svg.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                    label.cssClass().equals("n") ? "n" : "tag " + label.cssClass(), label.x(),
                    Labels.baseline(label.row(), mid), escape(label.text())));
        }
        svg.append("</g>\n");
    }

    /** A thin line for the time the participant was up, from where the axis starts at the earliest. */
    private void life(StringBuilder svg, Timeline timeline, Lane lane, double mid, Scale span) {
        if (lane.role() == Lane.Role.BROKER) {
            return;
        }
        long from = Math.max(span.from(), timeline.marks(lane.id()).stream().mapToLong(Mark::at).min().orElse(0));
        long to = timeline.laneEnd(lane.id());
        svg.append(String.format(Locale.ROOT, "<line class=\"life\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                span.x(from), mid, span.x(Math.max(from, to)), mid));
    }

    /** A worker's delivery: a bar from its arrival to its ack, or to its holder's end when never acked. */
    private void bar(StringBuilder svg, Bar bar, double mid, Scale span) {
        Delivery d = bar.delivery();
        double x1 = span.x(d.receivedAt());
        double w = Math.max(2, span.x(bar.to()) - x1);
        svg.append(String.format(Locale.ROOT, "<rect class=\"work%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\">",
                d.settled() || d.failed() ? "" : " unsettled", x1, mid - 4, w));
        svg.append("<title>").append(escape(messages.get(d.settled() ? "html.tip.work"
                : d.failed() ? "html.tip.failedWork" : "html.tip.held", d.body(),
                messages.seconds(d.receivedAt()), messages.seconds(bar.to())))).append("</title></rect>");
    }

    /** Dashed lines from where a holder let go of a delivery to the broker's redelivery of it. */
    private void fates(StringBuilder svg, List<LaneView> views, Scale span) {
        Map<String, LaneView> byLane = new LinkedHashMap<>();
        views.forEach(v -> byLane.put(v.lane().id(), v));
        for (LaneView view : views) {
            for (Bar bar : view.bars()) {
                Mark fate = bar.fate();
                if (fate == null || fate.kind() != MarkKind.RECEIVED || !byLane.containsKey(fate.lane())) {
                    continue;
                }
                LaneView to = byLane.get(fate.lane());
                svg.append(String.format(Locale.ROOT, "<line class=\"fate\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                        + "y2=\"%.1f\"><title>%s</title></line>", span.x(bar.to()), view.mid(), to.xs().get(fate),
                        to.mid(), escape(messages.get("html.tip.redelivered", fate.body(), messages.seconds(fate.at())))));
            }
        }
    }

    /**
     * Draws a mark. Losses of one moment on a participant's lane (what it held when it died) are
     * one cross, named together by its label; a loss where its message was sent crosses that mark.
     */
    private void mark(StringBuilder svg, Mark mark, double x, double mid, boolean firstOfLosses, boolean lostWhereSent) {
        String tip = escape(tip(mark));
        switch (mark.kind()) {
            case SENT -> svg.append(String.format(Locale.ROOT,
                    "<path class=\"mark sent\" d=\"M%.1f %.1f l9 5 l-9 5 z\"><title>%s</title></path>", x - 4, mid - 5, tip));
            case RECEIVED -> svg.append(String.format(Locale.ROOT, mark.redelivered()
                    ? "<g class=\"mark redelivered\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\"/><title>%s</title></g>"
                    : "<circle class=\"mark received\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"><title>%s</title></circle>", x, mid, tip));
            case LOST -> {
                if (firstOfLosses || lostWhereSent) {
                    svg.append(String.format(Locale.ROOT, "<g class=\"mark lost\"><path d=\"M%.1f %.1f l12 12 m0 -12 "
                            + "l-12 12\"/><title>%s</title></g>", x - 6, mid - 6, tip));
                }
            }
            case SIGNAL, KILLED -> svg.append(String.format(Locale.ROOT, "<g class=\"mark %s\"><line x1=\"%.1f\" y1=\"%.1f\" "
                    + "x2=\"%.1f\" y2=\"%.1f\"/><title>%s</title></g>", mark.kind() == MarkKind.KILLED ? "killed" : "signal",
                    x, mid - 12, x, mid + 12, tip));
            case DEPTH -> svg.append(String.format(Locale.ROOT, "<g class=\"mark depth\"><rect x=\"%.1f\" y=\"%.1f\" "
                    + "width=\"26\" height=\"18\" rx=\"4\"/><text x=\"%.1f\" y=\"%.1f\">%d</text><title>%s</title></g>",
                    x - 13, mid - 9, x, mid + 4, mark.value(), tip));
            case FAILED -> svg.append(String.format(Locale.ROOT, "<circle class=\"mark failed\" cx=\"%.1f\" cy=\"%.1f\" "
                    + "r=\"4\"><title>%s</title></circle>", x, mid, tip));
            case RETRIED, DEAD_LETTERED -> svg.append(String.format(Locale.ROOT, "<text class=\"mark failed\" x=\"%.1f\" "
                    + "y=\"%.1f\">%s<title>%s</title></text>", x, mid + 5, mark.kind() == MarkKind.RETRIED ? "↺" : "☠", tip));
            case CONNECTION_LOST, RECONNECTED, NODE_KILLED, NODE_RESTARTED -> svg.append(String.format(Locale.ROOT,
                    "<g class=\"mark %s\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\">%s"
                    + "</text><title>%s</title></g>", mark.kind() == MarkKind.RECONNECTED
                    || mark.kind() == MarkKind.NODE_RESTARTED ? "signal" : "killed", x, mid - 12, x, mid + 12, x + 3,
                    mid + 16, escape(messages.get("html.mark." + mark.kind().name().toLowerCase(Locale.ROOT))), tip));
            default -> {
            }
        }
    }

    /** The bodies of the losses marked on the same lane at the same moment. */
    private static List<String> lostTogether(Timeline timeline, Mark lost) {
        return timeline.marks(lost.lane(), MarkKind.LOST).stream().filter(m -> m.at() == lost.at())
                .map(Mark::body).toList();
    }

    private String tip(Mark mark) {
        String at = messages.seconds(mark.at());
        return switch (mark.kind()) {
            case SENT -> messages.get("html.tip.sent", mark.body(), at);
            case RECEIVED -> mark.detail() != null ? messages.get("html.tip.deaths", mark.body(), at, mark.detail())
                    : messages.get(mark.redelivered() ? "html.tip.redelivered" : "html.tip.received", mark.body(), at);
            case RETRIED -> messages.get("html.tip.retried", mark.body(), mark.detail(), at);
            case DEAD_LETTERED -> messages.get("html.tip.deadLettered", mark.body(), mark.detail(), at);
            case LOST -> messages.get("html.tip.lost", mark.body());
            case SIGNAL -> messages.get("html.tip.signal", mark.detail(), at);
            case KILLED -> messages.get("html.tip.signal", "SIGKILL", at);
            case DEPTH -> messages.get("html.tip.depth", mark.detail(), mark.value(), at);
            case FAILED -> mark.detail();
            case CONNECTION_LOST, NODE_KILLED -> messages.get("html.tip." + mark.kind().name().toLowerCase(Locale.ROOT),
                    mark.detail(), at);
            case RECONNECTED, NODE_RESTARTED -> messages.get("html.tip." + mark.kind().name().toLowerCase(Locale.ROOT),
                    mark.detail(), at, messages.seconds(mark.value()));
            default -> at;
        };
    }

    /**
     * The time axis: from a little before the first thing that happened (a participant's
     * JVM starting up takes a second or two with nothing to see, so a lane's "connected" does not
     * count) to the end of the scenario.
     */
    record Scale(long from, long to) {
        /** The shortest axis, in milliseconds: a run whose marks are milliseconds apart still spreads out. */
        static final long MIN_SPAN = 10;

        static Scale of(Timeline timeline) {
            long end = timeline.durationMs();
            long first = timeline.marks().stream().filter(m -> m.kind() != MarkKind.STARTED)
                    .mapToLong(Mark::at).min()
                    .orElse(timeline.marks().stream().mapToLong(Mark::at).min().orElse(0));
            long pad = Math.max(Math.min(60, (end - first) / 10), (end - first) / 25);
            long from = Math.max(0, first - pad);
            return new Scale(from, Math.max(end, from + MIN_SPAN));
        }

        double x(long t) {
            return LABEL + (double) (Math.max(t, from) - from) / (to - from) * (WIDTH - LABEL - RIGHT);
        }

        /** The time between two ticks: at most about ten ticks. */
        long step() {
            long span = to - from;
            for (long step : new long[] {5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000}) {
                if (span / step <= 10) {
                    return step;
                }
            }
            return 20_000;
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
