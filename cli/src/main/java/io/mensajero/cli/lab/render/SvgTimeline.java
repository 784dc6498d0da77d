package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.mensajero.cli.lab.render.Xml.escape;

/**
 * One scenario's timeline as inline SVG: time runs left to right, one lane per participant (and
 * one for the broker's queue depths). Sent messages are blue triangles, deliveries green dots, a
 * worker's time between a delivery and its ack a bar; redeliveries are orange, losses red
 * crosses, signals vertical lines. Every mark has a tooltip.
 */
final class SvgTimeline {
    static final int WIDTH = 960;
    static final int LABEL = 200;
    static final int LANE = 40;
    static final int TOP = 26;
    private static final int RIGHT = 24;
    /** The least distance between two marks of a lane, in pixels. */
    private static final double GAP = 11;
    private static final java.util.Set<MarkKind> POINTS = java.util.EnumSet.of(MarkKind.SENT, MarkKind.RECEIVED,
            MarkKind.LOST);

    private final Messages messages;

    SvgTimeline(Messages messages) {
        this.messages = messages;
    }

    String render(String scenario, Timeline timeline) {
        int height = TOP + LANE * timeline.lanes().size() + 6;
        Scale span = Scale.of(timeline);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(messages.get("html.timelineOf", scenario)))
                .append("\">\n");
        axis(svg, span, height);
        int index = 0;
        for (Lane lane : timeline.lanes()) {
            lane(svg, scenario, timeline, lane, TOP + index * LANE, index, span);
            index++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void axis(StringBuilder svg, Scale span, int height) {
        long step = span.step();
        svg.append("<g class=\"axis\">");
        for (long t = (span.from() + step - 1) / step * step; t <= span.to(); t += step) {
            double x = span.x(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, TOP - 4, x,
                    height - 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x, TOP - 9,
                    escape(messages.seconds(t))));
        }
        svg.append("</g>\n");
    }

    private void lane(StringBuilder svg, String scenario, Timeline timeline, Lane lane, int top, int index, Scale span) {
        int mid = top + LANE / 2;
        svg.append("<g class=\"lane role-").append(lane.role().name().toLowerCase(Locale.ROOT))
                .append("\" data-lane=\"").append(escape(scenario + "/" + lane.id())).append("\">");
        svg.append(String.format(Locale.ROOT, "<rect class=\"band%s\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                index % 2 == 0 ? "" : " odd", top, WIDTH, LANE));
        svg.append("<text class=\"label\" x=\"8\" y=\"").append(mid - 2).append("\">").append(escape(lane.label()))
                .append("</text>");
        if (!lane.command().isEmpty()) {
            svg.append("<text class=\"command\" x=\"8\" y=\"").append(mid + 11).append("\">")
                    .append(escape(shorten(lane.command(), 34))).append("<title>").append(escape(lane.command()))
                    .append("</title></text>");
        }
        life(svg, timeline, lane, mid, span);
        for (Delivery d : timeline.deliveries(lane.id())) {
            if (lane.role() == Lane.Role.WORKER) {
                work(svg, d, mid, span, timeline.durationMs());
            }
        }
        List<Mark> marks = timeline.marks(lane.id());
        Map<Mark, Double> xs = layout(marks, span);
        Mark previous = null;
        for (Mark mark : marks) {
            boolean firstOfLosses = mark.kind() == MarkKind.LOST && (previous == null
                    || previous.kind() != MarkKind.LOST || previous.at() != mark.at());
            mark(svg, timeline, mark, xs.get(mark), mid, firstOfLosses);
            previous = mark;
        }
        svg.append("</g>\n");
    }

    /**
     * Where each mark is drawn: at its time, except that sent, received and lost marks a few
     * milliseconds apart would hide each other, so such a cluster is spread out side by side,
     * centred on its marks' times (the tooltips keep the exact times).
     */
    static Map<Mark, Double> layout(List<Mark> marks, Scale span) {
        Map<Mark, Double> xs = new IdentityHashMap<>();
        List<Mark> cluster = new ArrayList<>();
        double end = Double.NEGATIVE_INFINITY;
        for (Mark mark : marks) {
            double x = span.x(mark.at());
            xs.put(mark, x);
            if (!POINTS.contains(mark.kind())) {
                continue;
            }
            if (!cluster.isEmpty() && x >= span.x(cluster.get(cluster.size() - 1).at()) + GAP) {
                end = place(cluster, xs, span, end);
                cluster.clear();
            }
            cluster.add(mark);
        }
        place(cluster, xs, span, end);
        return xs;
    }

    /** Spreads a cluster centred on its mean time, after {@code after}; returns where it ends. */
    private static double place(List<Mark> cluster, Map<Mark, Double> xs, Scale span, double after) {
        if (cluster.isEmpty()) {
            return after;
        }
        double mean = cluster.stream().mapToDouble(m -> span.x(m.at())).average().orElse(0);
        double first = Math.max(after + GAP, mean - GAP * (cluster.size() - 1) / 2);
        for (int i = 0; i < cluster.size(); i++) {
            xs.put(cluster.get(i), first + i * GAP);
        }
        return first + (cluster.size() - 1) * GAP;
    }

    /** The number(s) in a body, e.g. "2" for "job 2", "2.1" for "Stage 2 - Message 1"; "" when none. */
    static String number(String body) {
        if (body == null) {
            return "";
        }
        return String.join(".", java.util.Arrays.stream(body.split("\\D+")).filter(p -> !p.isEmpty()).toList());
    }

    /** A thin line for the time the participant was up. */
    private void life(StringBuilder svg, Timeline timeline, Lane lane, int mid, Scale span) {
        if (lane.role() == Lane.Role.BROKER) {
            return;
        }
        long from = timeline.marks(lane.id()).stream().mapToLong(Mark::at).min().orElse(0);
        long to = timeline.marks(lane.id(), MarkKind.EXITED).stream().mapToLong(Mark::at).max()
                .orElse(timeline.durationMs());
        svg.append(String.format(Locale.ROOT, "<line class=\"life\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                span.x(from), mid, span.x(to), mid));
    }

    /** A worker's delivery: a bar from its arrival to its ack (or to the end, when never acked). */
    private void work(StringBuilder svg, Delivery d, int mid, Scale span, long end) {
        long to = d.settled() ? d.settledAt() : d.failed() ? d.failedAt() : end;
        double x1 = span.x(d.receivedAt());
        double w = Math.max(2, span.x(to) - x1);
        svg.append(String.format(Locale.ROOT, "<rect class=\"work%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\">",
                d.settled() || d.failed() ? "" : " unsettled", x1, mid - 4, w));
        svg.append("<title>").append(escape(messages.get(d.settled() ? "html.tip.work"
                : d.failed() ? "html.tip.failedWork" : "html.tip.held", d.body(),
                messages.seconds(d.receivedAt()), messages.seconds(to)))).append("</title></rect>");
    }

    private void mark(StringBuilder svg, Timeline timeline, Mark mark, double x, int mid, boolean firstOfLosses) {
        String tip = escape(tip(mark));
        switch (mark.kind()) {
            case SENT -> {
                svg.append(String.format(Locale.ROOT,
                        "<path class=\"mark sent\" d=\"M%.1f %d l9 5 l-9 5 z\"><title>%s</title></path>", x - 4, mid - 5, tip));
                number(svg, mark, x, mid);
            }
            case RECEIVED -> {
                if (mark.redelivered()) {
                    svg.append(String.format(Locale.ROOT, "<g class=\"mark redelivered\"><circle cx=\"%.1f\" cy=\"%d\" "
                            + "r=\"7\"/><text x=\"%.1f\" y=\"%d\">↻ %s</text><title>%s</title></g>", x, mid, x + 9,
                            mid - 8, escape(mark.body()), tip));
                } else {
                    svg.append(String.format(Locale.ROOT, "<circle class=\"mark received\" cx=\"%.1f\" cy=\"%d\" r=\"5\">"
                            + "<title>%s</title></circle>", x, mid, tip));
                    number(svg, mark, x, mid);
                }
            }
            case LOST -> svg.append(String.format(Locale.ROOT, "<g class=\"mark lost\"><path d=\"M%.1f %d l12 12 m0 -12 "
                    + "l-12 12\"/>%s<title>%s</title></g>", x - 6, mid - 6, firstOfLosses ? String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\">%s</text>", x - 6, mid - 9, escape(messages.get("html.lost",
                    lostTogether(timeline, mark), lostTogether(timeline, mark).size()))) : "", tip));
            case SIGNAL, KILLED -> svg.append(String.format(Locale.ROOT, "<g class=\"mark %s\"><line x1=\"%.1f\" y1=\"%d\" "
                    + "x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\">%s</text><title>%s</title></g>",
                    mark.kind() == MarkKind.KILLED ? "killed" : "signal", x, mid - 15, x, mid + 15, x + 3, mid + 16,
                    mark.kind() == MarkKind.KILLED ? "SIGKILL" : escape(mark.detail()), tip));
            case DEPTH -> svg.append(String.format(Locale.ROOT, "<g class=\"mark depth\"><rect x=\"%.1f\" y=\"%d\" "
                    + "width=\"26\" height=\"18\" rx=\"4\"/><text x=\"%.1f\" y=\"%d\">%d</text><title>%s</title></g>",
                    x - 13, mid - 9, x, mid + 4, mark.value(), tip));
            case FAILED -> svg.append(String.format(Locale.ROOT, "<text class=\"mark failed\" x=\"%.1f\" y=\"%d\">!"
                    + "<title>%s</title></text>", x, mid + 5, tip));
            case RETRIED, DEAD_LETTERED -> svg.append(String.format(Locale.ROOT, "<text class=\"mark failed\" x=\"%.1f\" "
                    + "y=\"%d\">%s<title>%s</title></text>", x, mid + 5, mark.kind() == MarkKind.RETRIED ? "↺" : "☠", tip));
            default -> {
            }
        }
    }

    /** The message's number above its mark, so that who got which is readable at a glance. */
    private static void number(StringBuilder svg, Mark mark, double x, int mid) {
        String n = number(mark.body());
        if (!n.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text class=\"n\" x=\"%.1f\" y=\"%d\">%s</text>", x, mid - 8,
                    escape(n)));
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
            default -> at;
        };
    }


    /**
     * The time axis: from a little before the first mark (the first half-second or so is the
     * participants' JVMs starting, with nothing to see) to the end of the scenario.
     */
    record Scale(long from, long to) {
        static Scale of(Timeline timeline) {
            long end = Math.max(500, timeline.durationMs());
            long first = timeline.marks().stream().mapToLong(Mark::at).min().orElse(0);
            long from = Math.max(0, (first - 100) / 100 * 100);
            return new Scale(Math.min(from, end - 500), end);
        }

        double x(long t) {
            return LABEL + (double) (t - from) / (to - from) * (WIDTH - LABEL - RIGHT);
        }

        long step() {
            long span = to - from;
            return span <= 1_500 ? 200 : span <= 3_000 ? 500 : span <= 8_000 ? 1_000 : 2_000;
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
