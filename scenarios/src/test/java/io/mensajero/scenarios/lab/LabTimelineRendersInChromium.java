package io.mensajero.scenarios.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.ScenarioResult;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;
import io.mensajero.cli.lab.render.HtmlRenderer;
import io.mensajero.cli.lab.render.Labels;
import io.mensajero.cli.lab.scenario.Scenarios;
import io.mensajero.scenarios.support.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mensajero lab --html FILE} on the embedded broker ({@link LabRun#wholeLab()}, the run
 * {@code EveryLabScenarioBehavesAsRabbitMqDocuments} judges on Mensajero), rendered by headless Chromium: the
 * screenshot is not blank, in the browser's layout every scenario's lanes are drawn (each
 * participant's lane has a real size and carries marks), a killed worker's job is drawn going to
 * its redelivery, and no two labels overlap. The same for made-up runs whose marks are
 * milliseconds apart. The screenshots are kept as {@code target/lab-timeline.png} and
 * {@code target/lab-timeline-dense.png}.
 */
class LabTimelineRendersInChromium {
    private static final String CHROMIUM = "chromium";
    /** Measures every lane as laid out, into a {@code pre} that {@code --dump-dom} then shows. */
    private static final String MEASURE = """
            <script>
            const found = [];
            for (const s of document.querySelectorAll('section[data-scenario]')) {
              const lanes = [];
              for (const g of s.querySelectorAll('g[data-lane]')) {
                const r = g.getBoundingClientRect();
                lanes.push({lane: g.getAttribute('data-lane'), width: r.width, height: r.height,
                            marks: g.querySelectorAll('.mark').length});
              }
              const texts = [];
              for (const t of s.querySelectorAll('svg.timeline text')) {
                const b = t.getBBox();
                const own = Array.from(t.childNodes).filter(n => n.nodeType === 3).map(n => n.nodeValue).join('');
                texts.push({text: own, cls: t.getAttribute('class') || t.parentNode.getAttribute('class') || '',
                            size: parseFloat(getComputedStyle(t).fontSize),
                            bold: parseInt(getComputedStyle(t).fontWeight) >= 600,
                            x: b.x, y: b.y, w: b.width, h: b.height});
              }
              found.push({scenario: s.getAttribute('data-scenario'), lanes: lanes, texts: texts,
                          redelivered: s.querySelectorAll('.redelivered').length,
                          fates: s.querySelectorAll('line.fate').length,
                          lost: s.querySelectorAll('.mark.lost').length});
            }
            const pre = document.createElement('pre');
            pre.id = 'lane-boxes';
            pre.textContent = JSON.stringify(found);
            document.body.appendChild(pre);
            </script>
            """;

    @Test
    void everyScenarioHasItsLanesDrawnAndThePageIsNotBlank(@TempDir Path dir) throws Exception {
        Requirements.command(CHROMIUM, "apt-get install -y chromium");
        LabRun run = LabRun.wholeLab();
        assertThat(run.exitCode).as("%s", run).isZero();
        Path page = dir.resolve("lab.html");
        Files.copy(LabRun.WHOLE_LAB_PAGE, page);

        Path measured = dir.resolve("measured.html");
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script");
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"));
        JsonNode scenarios = new ObjectMapper().readTree(laneBoxes(chromium(dir, "--dump-dom", "--window-size=1100,1000",
                measured.toUri().toString())));

        List<String> ids = new ArrayList<>();
        for (JsonNode scenario : scenarios) {
            String id = scenario.get("scenario").asText();
            ids.add(id);
            assertThat(scenario.get("lanes").size()).as(id).isGreaterThanOrEqualTo(3);
            for (JsonNode lane : scenario.get("lanes")) {
                assertThat(lane.get("lane").asText()).startsWith(id + "/");
                assertThat(lane.get("width").asDouble()).as("%s", lane).isGreaterThan(600);
                assertThat(lane.get("height").asDouble()).as("%s", lane).isGreaterThan(20);
                assertThat(lane.get("marks").asInt()).as("%s", lane).isPositive();
            }
        }
        assertThat(ids).containsExactlyElementsOf(Scenarios.singleBrokerIds());
        assertThat(find(scenarios, "ack-delay-kill").get("redelivered").asInt()).isPositive();
        assertThat(find(scenarios, "ack-delay-kill").get("fates").asInt()).as("the killed worker's job, to its redelivery").isPositive();
        assertThat(find(scenarios, "auto-ack-loss").get("lost").asInt()).isPositive();
        for (JsonNode scenario : scenarios) {
            assertLabelsApartAndEstimatedWide(scenario);
        }

        Path screenshot = Path.of("target", "lab-timeline.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(dir, "--screenshot=" + screenshot, "--window-size=1040,2400", page.toUri().toString());
        assertNotBlank(screenshot);
    }

    /**
     * Made-up runs whose marks are milliseconds apart, rendered as the lab renders them: in
     * Chromium's layout no two of their labels overlap, and no label is wider than the renderer
     * thought (it leaves room by its estimate).
     */
    @Test
    void labelsOfMarksMillisecondsApartDoNotOverlapInChromium(@TempDir Path dir) throws Exception {
        Requirements.command(CHROMIUM, "apt-get install -y chromium");
        for (String language : List.of("en", "es")) {
            Messages messages = Messages.forLanguage(language);
            String html = new HtmlRenderer(messages).page("made-up", "000000", List.of(
                    madeUp("ack-delay-kill", 7, DenseRuns.killed()), madeUp("auto-ack-loss", 8, DenseRuns.lost()),
                    madeUp("distributed-operation", 5, DenseRuns.everyLabel())), 10);
            Path page = dir.resolve("dense-" + language + ".html");
            Files.writeString(page, html.replace("</body>", MEASURE + "</body>"));
            JsonNode scenarios = new ObjectMapper().readTree(laneBoxes(chromium(dir, "--dump-dom", "--window-size=1100,1000",
                    page.toUri().toString())));
            assertThat(scenarios).hasSize(3);
            for (JsonNode scenario : scenarios) {
                assertThat(scenario.get("texts").size()).as("%s", scenario.get("scenario")).isGreaterThan(10);
                assertLabelsApartAndEstimatedWide(scenario);
            }
            if (language.equals("en")) {
                chromium(dir, "--screenshot=" + Path.of("target", "lab-timeline-dense.png").toAbsolutePath(),
                        "--window-size=1040,1600", dir.resolve("dense-en.html").toUri().toString());
            }
        }
    }

    private static ScenarioResult madeUp(String id, int number, Timeline timeline) {
        return new ScenarioResult(id, number, List.of(), timeline, Verdict.builder().summary("verdict.hello", 1, 1, 0));
    }

    /** No two texts of a timeline overlap (by more than half a pixel), and each label is no wider than estimated. */
    private static void assertLabelsApartAndEstimatedWide(JsonNode scenario) {
        List<JsonNode> texts = new ArrayList<>();
        scenario.get("texts").forEach(texts::add);
        for (int i = 0; i < texts.size(); i++) {
            JsonNode a = texts.get(i);
            for (int j = i + 1; j < texts.size(); j++) {
                JsonNode b = texts.get(j);
                boolean overlap = a.get("x").asDouble() < b.get("x").asDouble() + b.get("w").asDouble() - 0.5
                        && b.get("x").asDouble() < a.get("x").asDouble() + a.get("w").asDouble() - 0.5
                        && a.get("y").asDouble() < b.get("y").asDouble() + b.get("h").asDouble() - 0.5
                        && b.get("y").asDouble() < a.get("y").asDouble() + a.get("h").asDouble() - 0.5;
                assertThat(overlap).as("in %s, '%s' %s overlaps '%s' %s", scenario.get("scenario"), a.get("text").asText(),
                        a, b.get("text").asText(), b).isFalse();
            }
            String cls = a.get("cls").asText();
            if (cls.equals("n") || cls.startsWith("tag")) {
                assertThat(Labels.width(a.get("text").asText(), a.get("size").asDouble(), a.get("bold").asBoolean()))
                        .as("estimated width of '%s' against Chromium's %s", a.get("text").asText(), a)
                        .isGreaterThanOrEqualTo(a.get("w").asDouble());
            }
        }
    }

    /** Runs headless Chromium as the closed network needs it; returns its stdout. */
    private static String chromium(Path dir, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertThat(chromium.exitValue()).as("chromium: %s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String laneBoxes(String dom) {
        Matcher m = Pattern.compile("<pre id=\"lane-boxes\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("the measuring script ran: %s", dom.length() > 400 ? dom.substring(0, 400) : dom).isTrue();
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    private static JsonNode find(JsonNode scenarios, String id) {
        for (JsonNode s : scenarios) {
            if (s.get("scenario").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no " + id);
    }

    /** Not one colour: a real share of non-white pixels, several colours, and the lanes' greens. */
    private static void assertNotBlank(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a PNG", png).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
        long pixels = 0;
        long inked = 0;
        long green = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                pixels++;
                if (r + g + b < 720) {
                    inked++;
                }
                if (g > 120 && g > r + 40 && g > b + 20) {
                    green++;
                }
                colours.add(rgb);
            }
        }
        assertThat(inked * 100 / pixels).as("percent of pixels that are not white").isGreaterThanOrEqualTo(10);
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat(green).as("green marks and bars").isGreaterThan(100);
    }
}
