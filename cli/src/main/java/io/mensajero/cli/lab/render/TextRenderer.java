package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.ScenarioResult;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;

import java.util.List;

/** The lab's output on a terminal: per scenario what it does, what happened, why, and the verdict. */
public final class TextRenderer {
    static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private final Messages messages;
    private final Activity activity;
    private final Operations operations;

    public TextRenderer(Messages messages) {
        this.messages = messages;
        this.activity = new Activity(messages);
        this.operations = new Operations(messages);
    }

    /** {@code --list}: each scenario with its one-line description. */
    public String list(List<String> ids) {
        TextTable table = new TextTable(24, 0);
        for (String id : ids) {
            table.row(id, messages.get("scenario." + id + ".title"));
        }
        return table.render(INDENT, WIDTH);
    }

    public String header(String broker, String runId, int scenarios) {
        return messages.get("text.header", broker, "lab-" + runId) + "\n"
                + paragraph(messages.get("text.intro", scenarios)) + "\n";
    }

    /** One scenario's block. */
    public String scenario(ScenarioResult result, int total) {
        Timeline timeline = result.timeline();
        StringBuilder out = new StringBuilder("\n");
        String title = "── " + result.number() + " · " + result.id() + " ";
        out.append(title).append("─".repeat(Math.max(3, WIDTH - title.length()))).append('\n');
        out.append(paragraph(messages.get("scenario." + result.id() + ".title")));
        out.append(paragraph(messages.get("text.names", result.names())));
        out.append('\n');
        TextTable table = new TextTable(22, 34, 0);
        table.row(messages.get("text.participant"), messages.get("text.command"), messages.get("text.activity"));
        for (Lane lane : timeline.lanes()) {
            String command = lane.role() == Lane.Role.BROKER ? messages.get("text.brokerQueries") : lane.command();
            table.row(lane.label(), command, activity.describe(timeline, lane));
        }
        out.append(table.render(INDENT, WIDTH));
        if (Operations.applies(timeline)) {
            out.append('\n');
            List<String[]> rows = operations.rows(timeline);
            int[] widths = new int[rows.get(0).length];
            java.util.Arrays.fill(widths, 28);
            TextTable ops = new TextTable(widths);
            rows.forEach(ops::row);
            out.append(ops.render(INDENT, WIDTH));
        }
        out.append('\n');
        out.append(wrap(messages.get("text.why") + " " + messages.get("scenario." + result.id() + ".why"), ""));
        out.append(verdict(result));
        return out.toString();
    }

    private String verdict(ScenarioResult result) {
        Verdict verdict = result.verdict();
        String took = messages.seconds(result.durationMs());
        StringBuilder out = new StringBuilder();
        if (verdict.incomplete() != null) {
            out.append(wrap(messages.get("text.verdict.incomplete", verdict.incomplete(), took), ""));
        } else {
            String summary = messages.get(verdict.summaryKey(), verdict.summaryArgs().toArray());
            out.append(wrap(messages.get(verdict.passed() ? "text.verdict.pass" : "text.verdict.fail", summary, took), ""));
        }
        for (Check check : verdict.failed()) {
            out.append(wrap("✗ " + messages.get(check.key(), check.args().toArray()), INDENT));
        }
        return out.toString();
    }

    /** The closing summary: one line per scenario, then the totals. */
    public String summary(List<ScenarioResult> results, long tookMs) {
        StringBuilder out = new StringBuilder("\n");
        String title = "── " + messages.get("text.summary") + " ";
        out.append(title).append("─".repeat(Math.max(3, WIDTH - title.length()))).append('\n');
        TextTable table = new TextTable(2, 26, 10, 0);
        for (ScenarioResult r : results) {
            String note = r.passed() ? "" : r.verdict().incomplete() != null ? messages.get("text.couldNotFinish")
                    : messages.get(r.verdict().failed().get(0).key(), r.verdict().failed().get(0).args().toArray());
            table.row(r.passed() ? "✓" : "✗", r.id(), messages.seconds(r.durationMs()), note);
        }
        out.append(table.render(INDENT, WIDTH));
        long passed = results.stream().filter(ScenarioResult::passed).count();
        String total = messages.seconds(tookMs);
        out.append(wrap(passed == results.size() ? messages.get("text.summary.all", results.size(), total)
                : messages.get("text.summary.some", passed, results.size(), results.size() - passed, total), ""));
        return out.toString();
    }

    /** Wraps a paragraph at {@link #WIDTH}. */
    static String paragraph(String text) {
        StringBuilder out = new StringBuilder();
        TextTable.wrap(text, WIDTH).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** Wraps a paragraph at {@link #WIDTH}; continuation lines are indented two more spaces. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        List<String> lines = TextTable.wrap(text, WIDTH - indent.length() - 2);
        for (int i = 0; i < lines.size(); i++) {
            out.append(indent).append(i == 0 ? "" : "  ").append(lines.get(i)).append('\n');
        }
        return out.toString();
    }
}
