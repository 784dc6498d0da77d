package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.Runs;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.ScenarioResult;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both renderers on made-up results: what they say comes from the timeline and the verdict. */
class RenderersTest {
    private static final Messages EN = Messages.forLanguage("en");
    private static final Messages ES = Messages.forLanguage("es");

    /** ack-delay-kill as it should go, plus a message lost on the way (for the highlights). */
    private static ScenarioResult killed() {
        Timeline timeline = new Runs()
                .lane(new Lane("slow", "slow", "work --ack-delay 30s", Lane.Role.WORKER, null))
                .lane(new Lane("fast", "fast", "work", Lane.Role.WORKER, null))
                .lane(new Lane("jobs", "jobs", "task \"job {n}\" --count 3", Lane.Role.SENDER, null))
                .sent("jobs", 100, "job 1", "job 2", "job <3> & co")
                .worked("fast", 110, 2, "job 1", false)
                .received("slow", 111, "job 2", false)
                .mark(Mark.of("slow", 900, MarkKind.KILLED))
                .worked("fast", 950, 2, "job 2", true)
                .mark(Mark.signal("fast", 1000, "SIGINT"))
                .build(1200);
        timeline = timeline.with(List.of(Mark.lost("jobs", 100, "job <3> & co", null)));
        Verdict verdict = Verdict.builder()
                .check(Check.of(false, "check.exactlyOnce", List.of("job <3> & co"), List.of(), List.of()))
                .check(Check.of(true, "check.redelivered", "slow", List.of("job 2"), "fast", List.of("job 2")))
                .summary("verdict.ack-delay-kill", 3, "slow", List.of("job 2"), "fast", 2, 1);
        return new ScenarioResult("ack-delay-kill", 7, List.of("task_queue.lab-abc123-7"), timeline, verdict);
    }

    @Test
    void theTextTellsEachLanesDeliveriesAndTheFailedChecks() {
        String text = new TextRenderer(EN).scenario(killed(), 9);
        assertThat(text).contains("── 7 · ack-delay-kill ──")
                .contains(EN.get("scenario.ack-delay-kill.title").substring(0, 40))
                .contains("task_queue.lab-abc123-7")
                .containsPattern("slow +work --ack-delay 30s +held job 2, never acked · SIGKILL at 0.9 s")
                .containsPattern("fast +work +acked job 1, job 2 \\(redelivered\\) · SIGINT at 1.0 s")
                .contains("sent job 1, job 2, job <3> & co (LOST)")
                .contains("Verdict: ✗ NOT as RabbitMQ documents. 3 jobs; slow was killed holding job 2")
                .contains("  ✗ every message the broker confirmed was received exactly once (lost: job <3> & co;")
                .doesNotContain("✗ what slow held");
        assertThat(text.lines()).allMatch(line -> line.length() <= TextRenderer.WIDTH, "fits in 100 columns");
    }

    @Test
    void theTextSpeaksSpanish() {
        String text = new TextRenderer(ES).scenario(killed(), 9);
        assertThat(text).contains("Por qué: Con acks manuales")
                .contains("tenía job 2 sin confirmar · SIGKILL a los 0,9 s")
                .contains("Veredicto: ✗ NO es lo que documenta RabbitMQ.");
        String summary = new TextRenderer(ES).summary(List.of(killed()), 12_300);
        assertThat(summary).contains("0 de 1 escenarios se comportaron como documenta RabbitMQ y 1 no · 12,3 s en total.");
    }

    @Test
    void theSummaryCountsWhatPassed() {
        ScenarioResult failed = killed();
        String summary = new TextRenderer(EN).summary(List.of(failed), 21_000);
        assertThat(summary).contains("✗  ack-delay-kill").contains("0 of 1 scenarios behaved as RabbitMQ documents, 1 did not");
        assertThat(new TextRenderer(EN).list(List.of("hello", "fair-dispatch")))
                .contains("hello").contains("fair-dispatch").contains("prefetch 1");
    }

    @Test
    void thePageIsSelfContainedWellFormedAndHasALanePerParticipant() throws Exception {
        String html = new HtmlRenderer(EN).page("Mensajero 0.1.0", "abc123", List.of(killed()), 1200);
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
                .doesNotContainPattern("(src|href)=\"(?!#)").doesNotContain("url(");
        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        Element section = (Element) page.getElementsByTagName("section").item(0);
        assertThat(section.getAttribute("data-scenario")).isEqualTo("ack-delay-kill");
        assertThat(section.getAttribute("class")).contains("fail");
        List<String> lanes = new ArrayList<>();
        NodeList groups = section.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-lane")) {
                lanes.add(g.getAttribute("data-lane"));
            }
        }
        assertThat(lanes).containsExactly("ack-delay-kill/slow", "ack-delay-kill/fast", "ack-delay-kill/jobs");
        assertThat(html).contains("class=\"mark redelivered\"").contains("class=\"mark lost\"")
                .contains("class=\"mark killed\"").contains("class=\"work unsettled\"")
                .contains("job &lt;3&gt; &amp; co");
        assertThat(section.getElementsByTagName("li").getLength()).isEqualTo(2);
        assertThat(section.getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("7 · A worker killed before its ack ack-delay-kill");
        assertThat(section.getElementsByTagName("h3").item(0).getTextContent()).isEqualTo("Try it yourself");
        assertThat(html).contains("./mensajero work --name slow --ack-delay 30s");
    }

    @Test
    void marksMillisecondsApartAreDrawnApartAndInOrder() {
        List<Mark> marks = List.of(Mark.message("a", 100, MarkKind.SENT, "m1", null, 1),
                Mark.message("a", 101, MarkKind.SENT, "m2", null, 2),
                Mark.message("a", 102, MarkKind.SENT, "m3", null, 3),
                Mark.message("a", 900, MarkKind.SENT, "m4", null, 4));
        var xs = SvgTimeline.layout(marks, new SvgTimeline.Scale(0, 1000));
        double x1 = xs.get(marks.get(0));
        double x2 = xs.get(marks.get(1));
        double x3 = xs.get(marks.get(2));
        assertThat(x2 - x1).isGreaterThanOrEqualTo(10);
        assertThat(x3 - x2).isGreaterThanOrEqualTo(10);
        assertThat((x1 + x3) / 2).as("centred on their times").isCloseTo(xs.get(marks.get(1)), org.assertj.core.data.Offset.offset(0.01));
        assertThat(xs.get(marks.get(3))).as("a lone mark stays at its time").isGreaterThan(x3 + 100);
        assertThat(SvgTimeline.number("Etapa 2 - Mensaje 3")).isEqualTo("2.3");
        assertThat(SvgTimeline.number("Hello World!")).isEmpty();
    }
}
