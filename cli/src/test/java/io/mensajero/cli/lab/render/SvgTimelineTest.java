package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.Runs;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The timeline a student reads: a job never acked ends where its worker died, with its fate
 * drawn there; labels never overlap, however close the marks (made-up runs whose marks are
 * milliseconds apart, and random ones); the axis leaves out the participants' start-up.
 */
class SvgTimelineTest {
    private static final Messages EN = Messages.forLanguage("en");

    /** ack-delay-kill squeezed into a few milliseconds after a second of start-up. */
    static Timeline killedWithinMilliseconds() {
        return new Runs()
                .lane(new Lane("slow", "slow", "work --ack-delay 30s", Lane.Role.WORKER, null))
                .lane(new Lane("fast", "fast", "work", Lane.Role.WORKER, null))
                .lane(new Lane("jobs", "jobs", "task \"job {n}\" --count 4", Lane.Role.SENDER, null))
                .event("slow", 900, "connected").event("fast", 950, "connected").event("jobs", 1000, "connected")
                .sent("jobs", 1001, "job 1", "job 2", "job 3", "job 4")
                .received("slow", 1002, "job 1", false)
                .worked("fast", 1002, 1, "job 2", false)
                .worked("fast", 1003, 0, "job 3", false)
                .worked("fast", 1003, 1, "job 4", false)
                .mark(Mark.of("slow", 1004, MarkKind.KILLED))
                .mark(Mark.exited("slow", 1005, 137))
                .received("fast", 1005, "job 1", true)
                .acked("fast", 1005, "job 1", 4)
                .mark(Mark.signal("fast", 1005, "SIGINT"))
                .mark(Mark.exited("fast", 1006, 0))
                .mark(Mark.depth("broker", 1006, "task_queue", 0))
                .mark(Mark.depth("broker", 1007, "task_queue", 0))
                .lane(new Lane("broker", "broker", "", Lane.Role.BROKER, null))
                .build(1010);
    }

    /** auto-ack-loss squeezed: the losses, the kill and a loss where it was sent, all in one millisecond. */
    static Timeline lostWithinAMillisecond() {
        Timeline t = new Runs()
                .lane(new Lane("slow-auto", "slow (auto-ack)", "work --auto-ack --ack-delay 30s", Lane.Role.WORKER, null))
                .lane(new Lane("fast", "fast", "work", Lane.Role.WORKER, null))
                .lane(new Lane("jobs", "jobs", "task \"job {n}\" --count 12", Lane.Role.SENDER, null))
                .sent("jobs", 2000, "job 1", "job 2", "job 3", "job 4", "job 5", "job 6", "job 7", "job 8", "job 9",
                        "job 10", "job 11", "job 12")
                .received("slow-auto", 2000, "job 1", false)
                .worked("fast", 2000, 0, "job 2", false)
                .mark(Mark.of("slow-auto", 2001, MarkKind.KILLED))
                .mark(Mark.signal("fast", 2001, "SIGINT"))
                .mark(Mark.signal("jobs", 2001, "SIGTERM"))
                .build(2002);
        return t.with(List.of(Mark.lost("slow-auto", 2001, "job 1", null), Mark.lost("slow-auto", 2001, "job 3", null),
                Mark.lost("slow-auto", 2001, "job 4", null), Mark.lost("jobs", 2000, "job 12", null)));
    }

    @Test
    void aJobNeverAckedEndsWhereItsWorkerDiedAndLeadsToItsRedelivery() throws Exception {
        Document svg = parse(new SvgTimeline(EN).render("ack-delay-kill", killedWithinMilliseconds()));
        Element held = only(svg, "rect", "work unsettled");
        Element killed = (Element) only(svg, "g", "mark killed").getElementsByTagName("line").item(0);
        double heldEnd = num(held, "x") + num(held, "width");
        assertThat(heldEnd).as("the held bar ends at the SIGKILL").isCloseTo(num(killed, "x1"), within(0.2));
        Element fate = only(svg, "line", "fate");
        assertThat(num(fate, "x1")).isCloseTo(heldEnd, within(0.2));
        Element redelivered = (Element) only(svg, "g", "mark redelivered").getElementsByTagName("circle").item(0);
        assertThat(num(fate, "x2")).isCloseTo(num(redelivered, "cx"), within(0.2));
        assertThat(num(fate, "y2")).isCloseTo(num(redelivered, "cy"), within(0.2));
        assertThat(texts(svg)).anySatisfy(t -> assertThat(t.text).isEqualTo("↻ to fast"));
    }

    @Test
    void lossesAtTheKillAreOneCrossWithOneLabel() throws Exception {
        Document svg = parse(new SvgTimeline(EN).render("auto-ack-loss", lostWithinAMillisecond()));
        List<String> labels = texts(svg).stream().map(t -> t.text).toList();
        assertThat(labels).contains("lost: job 1, job 3, job 4", "lost: job 12", "SIGKILL");
        assertThat(byClass(svg, "g", "mark lost")).as("one cross for the kill, one over the lost send").hasSize(2);
        Element held = only(svg, "rect", "work unsettled");
        Element killed = (Element) only(svg, "g", "mark killed").getElementsByTagName("line").item(0);
        assertThat(num(held, "x") + num(held, "width")).isCloseTo(num(killed, "x1"), within(0.2));
    }

    @Test
    void theAxisLeavesOutTheStartUp() throws Exception {
        Document svg = parse(new SvgTimeline(EN).render("ack-delay-kill", killedWithinMilliseconds()));
        List<Text> ticks = texts(svg).stream().filter(t -> t.cssClass.equals("axis")).toList();
        assertThat(ticks).isNotEmpty();
        assertThat(ticks.get(0).text).as("the first tick").isNotEqualTo("0.0 s").doesNotStartWith("0.");
    }

    @Test
    void noTwoLabelsOverlapInRunsMillisecondsApart() throws Exception {
        for (Timeline timeline : List.of(killedWithinMilliseconds(), lostWithinAMillisecond())) {
            for (Messages messages : List.of(EN, Messages.forLanguage("es"))) {
                assertNoOverlap(new SvgTimeline(messages).render("s", timeline));
            }
        }
    }

    @Test
    void noTwoLabelsOverlapInRandomRuns() throws Exception {
        Random random = new Random(20_261_201L);
        for (int run = 0; run < 300; run++) {
            Runs runs = new Runs().lane("w1", Lane.Role.WORKER).lane("w2", Lane.Role.WORKER).lane("r", Lane.Role.RECEIVER)
                    .lane("s", Lane.Role.SENDER);
            long span = 1 + random.nextInt(run % 3 == 0 ? 20 : 3_000);
            int n = 1 + random.nextInt(12);
            List<Mark> extra = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String body = "message " + i;
                long at = random.nextInt((int) span);
                runs.sent("s", at, body);
                String lane = List.of("w1", "w2", "r").get(random.nextInt(3));
                if (lane.equals("r")) {
                    runs.received(lane, at + random.nextInt(3), body, random.nextBoolean());
                } else if (random.nextBoolean()) {
                    runs.worked(lane, at, random.nextInt(5), body, random.nextBoolean());
                } else {
                    runs.received(lane, at, body, false);
                    if (random.nextBoolean()) {
                        extra.add(Mark.lost(lane, at + 1, body, null));
                    }
                }
            }
            for (String lane : List.of("w1", "w2", "r", "s")) {
                long at = random.nextInt((int) span + 2);
                if (random.nextInt(3) == 0) {
                    runs.mark(Mark.of(lane, at, MarkKind.KILLED));
                } else {
                    runs.mark(Mark.signal(lane, at, random.nextBoolean() ? "SIGINT" : "SIGTERM"));
                }
            }
            Timeline timeline = runs.build(span + 5).with(extra);
            assertNoOverlap(new SvgTimeline(EN).render("random-" + run, timeline));
        }
    }

    // ---- reading the SVG back ----------------------------------------------------------------

    /** A text element with its estimated box. */
    record Text(String text, String cssClass, double left, double right, double top, double bottom) {
        boolean overlaps(Text o) {
            return left < o.right - 0.5 && o.left < right - 0.5 && top < o.bottom - 0.5 && o.top < bottom - 0.5;
        }
    }

    private static void assertNoOverlap(String svgText) throws Exception {
        List<Text> texts = texts(parse(svgText));
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Text a = texts.get(i);
                Text b = texts.get(j);
                assertThat(a.overlaps(b)).as("'%s' %s overlaps '%s' %s in%n%s", a.text, a, b.text, b, svgText).isFalse();
            }
        }
    }

    static List<Text> texts(Document svg) {
        List<Text> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            StringBuilder own = new StringBuilder();
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == Node.TEXT_NODE) {
                    own.append(c.getNodeValue());
                }
            }
            String text = own.toString();
            String cssClass = e.getAttribute("class");
            Element parent = (Element) e.getParentNode();
            if (cssClass.isEmpty()) {
                cssClass = parent.getAttribute("class");
            }
            double size = cssClass.equals("n") ? 9 : cssClass.contains("signal") || cssClass.contains("killed")
                    || cssClass.equals("axis") || cssClass.equals("command") ? 10 : cssClass.equals("label") ? 12 : 11;
            boolean bold = cssClass.contains("killed") || cssClass.contains("lost") || cssClass.contains("fate")
                    || cssClass.equals("label") || cssClass.contains("depth");
            double width = cssClass.equals("command") ? text.length() * size * 0.6 : Labels.width(text, size, bold);
            double x = num(e, "x");
            double y = num(e, "y");
            boolean centred = cssClass.equals("axis") || cssClass.contains("depth");
            double left = centred ? x - width / 2 : x;
            texts.add(new Text(text, cssClass, left, left + width, y - 0.8 * size, y + 0.22 * size));
        }
        return texts;
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document svg, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element only(Document svg, String tag, String cssClass) {
        List<Element> found = byClass(svg, tag, cssClass);
        assertThat(found).as("<%s class=\"%s\">", tag, cssClass).hasSize(1);
        return found.get(0);
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
