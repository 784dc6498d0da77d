package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.ScenarioResult;
import io.mensajero.cli.lab.model.Verdict;

import java.util.List;

import static io.mensajero.cli.lab.render.Xml.escape;

/**
 * The lab as one self-contained HTML page (inline CSS and SVG; no scripts, no external assets):
 * per scenario what it does, its timeline, the progress per operation when there is one, why,
 * and every check with its verdict. The markup is also well-formed XML.
 */
public final class HtmlRenderer {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;\
            max-width:1000px;color:#1d2330;background:#fff;padding:0 16px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0 0 6px}
            .meta{color:#555;margin:0 0 12px}
            nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0 14px}
            nav a{text-decoration:none;color:#1d2330}
            section{border:1px solid #d8dce6;border-radius:8px;padding:14px 16px;margin:18px 0}
            section.pass{border-left:6px solid #2e9d57}section.fail{border-left:6px solid #d1343a}
            .what{margin:0 0 4px}.names{color:#666;font-size:13px;margin:0 0 8px;font-family:monospace}
            .why{margin:10px 0 6px;line-height:1.45}
            .verdict{font-weight:600}.verdict.pass{color:#1f7a42}.verdict.fail{color:#b3242a}
            ul.checks{margin:4px 0 0;padding-left:20px}ul.checks li{margin:2px 0}
            li.ok::marker{content:"✓ ";color:#2e9d57}li.ko::marker{content:"✗ ";color:#d1343a}li.ko{color:#b3242a}
            table.ops{border-collapse:collapse;font-size:13px;margin:8px 0}
            table.ops th,table.ops td{border:1px solid #d8dce6;padding:3px 8px;text-align:left}
            .legend{font-size:13px;color:#333}.legend svg{vertical-align:middle}.legend .item{white-space:nowrap;margin-right:12px}
            h2 code.id{font-size:12px;color:#667;font-weight:400;margin-left:6px}
            .try{margin:12px 0 0;padding:8px 12px;background:#f6f8fb;border-radius:6px;font-size:13px}
            .try h3{font-size:14px;margin:0 0 4px}.try p{margin:4px 0}
            table.try{border-collapse:collapse;margin:4px 0}table.try th,table.try td{padding:2px 10px 2px 0;text-align:left;vertical-align:top}
            table.try code{font-size:12px}
            svg.timeline{display:block;max-width:100%;height:auto;background:#fff;font-size:11px}
            svg .band{fill:#f4f6fa}svg .band.odd{fill:#e9edf4}
            svg .axis line{stroke:#c9ceda;stroke-width:1}svg .axis text{fill:#666;text-anchor:middle;font-size:10px}
            svg .label{font-weight:600;fill:#1d2330;font-size:12px}svg .command{fill:#667;font-size:10px;font-family:monospace}
            svg .life{stroke:#9aa3b5;stroke-width:2}
            svg .sent{fill:#2f6fdb}svg .received{fill:#2e9d57}
            svg .work{fill:#7fcf9c;stroke:#2e9d57}svg .work.unsettled{fill:#f2c45a;stroke:#b5850f;stroke-dasharray:3 2}
            svg .redelivered circle{fill:#ff9f1c;stroke:#c26a00;stroke-width:3}
            svg .lost path{stroke:#d1343a;stroke-width:3.5}
            svg .signal line{stroke:#333;stroke-width:2;stroke-dasharray:4 2}
            svg .killed line{stroke:#d1343a;stroke-width:4}
            svg line.fate{stroke:#c26a00;stroke-width:1.6;stroke-dasharray:5 3}
            svg .tag{font-size:11px}svg .tag.signal{fill:#333;font-size:10px}svg .tag.killed{fill:#d1343a;font-weight:700;font-size:10px}
            svg .tag.lost{fill:#d1343a;font-weight:700}svg .tag.fate{fill:#c26a00;font-weight:700}
            svg .depth rect{fill:#fff;stroke:#6b4fbb;stroke-width:2}svg .depth text{fill:#6b4fbb;text-anchor:middle;font-weight:700}
            svg circle.failed{fill:#d1343a}svg .tag.failed{fill:#d1343a;font-weight:700}
            svg .n{fill:#445;font-size:9px}
            """;

    private final Messages messages;
    private final SvgTimeline timeline;
    private final Operations operations;

    public HtmlRenderer(Messages messages) {
        this.messages = messages;
        this.timeline = new SvgTimeline(messages);
        this.operations = new Operations(messages);
    }

    public String page(String broker, String runId, List<ScenarioResult> results, long tookMs) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(messages.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n")
                .append("<title>").append(escape(messages.get("html.title"))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        long passed = results.stream().filter(ScenarioResult::passed).count();
        html.append("<h1>").append(escape(messages.get("html.title"))).append("</h1>\n<p class=\"meta\">")
                .append(escape(messages.get("html.meta", broker, "lab-" + runId))).append(" · ")
                .append(escape(passed == results.size() ? messages.get("text.summary.all", results.size(),
                        messages.seconds(tookMs)) : messages.get("text.summary.some", passed, results.size(),
                        results.size() - passed, messages.seconds(tookMs)))).append("</p>\n");
        html.append(legend());
        html.append("<nav><ul>\n");
        for (ScenarioResult r : results) {
            html.append("<li><a href=\"#").append(escape(r.id())).append("\">").append(r.passed() ? "✓ " : "✗ ")
                    .append(r.number()).append(" · ").append(escape(messages.get("scenario." + r.id() + ".name")))
                    .append("</a></li>\n");
        }
        html.append("</ul></nav>\n");
        for (ScenarioResult r : results) {
            section(html, r);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void section(StringBuilder html, ScenarioResult r) {
        html.append("<section id=\"").append(escape(r.id())).append("\" class=\"scenario ")
                .append(r.passed() ? "pass" : "fail").append("\" data-scenario=\"").append(escape(r.id())).append("\">\n");
        html.append("<h2>").append(r.number()).append(" · ").append(escape(messages.get("scenario." + r.id() + ".name")))
                .append(" <code class=\"id\">").append(escape(r.id())).append("</code></h2>\n");
        html.append("<p class=\"what\">").append(escape(messages.get("scenario." + r.id() + ".title"))).append("</p>\n");
        html.append("<p class=\"names\">").append(escape(messages.get("text.names", r.names()))).append("</p>\n");
        html.append(timeline.render(r.id(), r.timeline()));
        if (Operations.applies(r.timeline())) {
            html.append("<table class=\"ops\">\n");
            List<String[]> rows = operations.rows(r.timeline());
            for (int i = 0; i < rows.size(); i++) {
                html.append("<tr>");
                for (String cell : rows.get(i)) {
                    String tag = i == 0 ? "th" : "td";
                    html.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>');
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<p class=\"why\"><strong>").append(escape(messages.get("text.why"))).append("</strong> ")
                .append(escape(messages.get("scenario." + r.id() + ".why"))).append("</p>\n");
        verdict(html, r);
        tryIt(html, r.id());
        html.append("</section>\n");
    }

    /** The commands that reproduce the scenario by hand, with the tools and with the course's scripts. */
    private void tryIt(StringBuilder html, String id) {
        List<TryIt.Step> steps = TryIt.steps(id);
        if (steps.isEmpty()) {
            return;
        }
        html.append("<div class=\"try\"><h3>").append(escape(messages.get("try.title"))).append("</h3>\n<p>")
                .append(escape(messages.get("try.intro"))).append("</p>\n<table class=\"try\"><tr><th>")
                .append(escape(messages.get("try.terminal"))).append("</th><th>./mensajero</th><th>")
                .append(escape(messages.get("try.course"))).append("</th></tr>\n");
        for (TryIt.Step step : steps) {
            html.append("<tr><td>").append(escape(step.terminal())).append("</td><td><code>")
                    .append(escape(step.mensajero())).append("</code></td><td>")
                    .append(step.python() == null ? "—" : "<code>" + escape(step.python()) + "</code>")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<p class=\"note\">").append(escape(messages.get("try." + id + ".note")))
                .append("</p></div>\n");
    }

    private void verdict(StringBuilder html, ScenarioResult r) {
        Verdict v = r.verdict();
        String took = messages.seconds(r.durationMs());
        String line = v.incomplete() != null ? messages.get("text.verdict.incomplete", v.incomplete(), took)
                : messages.get(v.passed() ? "text.verdict.pass" : "text.verdict.fail",
                messages.get(v.summaryKey(), v.summaryArgs().toArray()), took);
        html.append("<p class=\"verdict ").append(r.passed() ? "pass" : "fail").append("\">").append(escape(line))
                .append("</p>\n<ul class=\"checks\">\n");
        for (Check check : v.checks()) {
            html.append("<li class=\"").append(check.passed() ? "ok" : "ko").append("\">")
                    .append(escape(messages.get(check.key(), check.args().toArray()))).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private String legend() {
        String[][] items = {
            {"<path class=\"sent\" d=\"M3 2 l9 5 l-9 5 z\"/>", "html.legend.sent"},
            {"<circle class=\"received\" cx=\"8\" cy=\"7\" r=\"5\"/>", "html.legend.received"},
            {"<rect class=\"work\" x=\"1\" y=\"3\" width=\"16\" height=\"8\"/>", "html.legend.work"},
            {"<rect class=\"work unsettled\" x=\"1\" y=\"3\" width=\"16\" height=\"8\"/>", "html.legend.held"},
            {"<g class=\"redelivered\"><circle cx=\"8\" cy=\"7\" r=\"5\"/></g>", "html.legend.redelivered"},
            {"<line class=\"fate\" x1=\"1\" y1=\"2\" x2=\"17\" y2=\"12\"/>", "html.legend.fate"},
            {"<g class=\"lost\"><path d=\"M3 2 l10 10 m0 -10 l-10 10\"/></g>", "html.legend.lost"},
            {"<g class=\"signal\"><line x1=\"8\" y1=\"0\" x2=\"8\" y2=\"14\"/></g>", "html.legend.signal"},
            {"<g class=\"killed\"><line x1=\"8\" y1=\"0\" x2=\"8\" y2=\"14\"/></g>", "html.legend.killed"},
            {"<g class=\"depth\"><rect x=\"1\" y=\"1\" width=\"16\" height=\"12\" rx=\"3\"/></g>", "html.legend.depth"},
        };
        StringBuilder out = new StringBuilder("<p class=\"legend\">");
        for (String[] item : items) {
            out.append("<span class=\"item\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"18\" height=\"14\" viewBox=\"0 0 18 14\">")
                    .append(item[0]).append("</svg> ").append(escape(messages.get(item[1]))).append("</span> ");
        }
        return out.append("<br/>").append(escape(messages.get("html.legend.note"))).append("</p>\n").toString();
    }
}
