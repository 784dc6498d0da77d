package io.mensajero.cli.lab;

import io.mensajero.cli.lab.model.ScenarioResult;
import io.mensajero.cli.lab.render.HtmlRenderer;
import io.mensajero.cli.lab.render.TextRenderer;
import io.mensajero.cli.lab.scenario.Scenario;
import io.mensajero.cli.lab.scenario.Scenarios;
import io.mensajero.cli.CommonOptions;
import io.mensajero.cli.Errors;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code mensajero lab}: replays the course's exercises, each participant a separate process,
 * and says what happened, why, and whether it matches RabbitMQ's documented behaviour.
 */
@Command(name = "lab", sortOptions = false,
        description = {"Replay the course's exercises, observed and explained",
                "Each participant is a separate process. Without --uri the lab runs its own Mensajero broker; "
                        + "with --uri it also checks that broker against RabbitMQ's documented behaviour."},
        footer = {"", "Scenarios: hello, two-receivers, staged-stop, asynchrony, distributed-operation, "
                + "workers-vs-subscribers, ack-delay-kill, auto-ack-loss, fair-dispatch (see --list); "
                + "on a cluster (--uri with several addresses) also node-failover.",
                "%nExit codes:%n"
                        + "  0  every scenario behaved as RabbitMQ documents%n"
                        + "  2  usage error: unknown scenario, bad --lang or URI, unwritable --html file%n"
                        + "  3  the broker cannot be reached, or the connection to it was lost%n"
                        + "  4  authentication failed%n"
                        + "  5  vhost not found, or access refused%n"
                        + "  7  the embedded broker cannot listen%n"
                        + "  8  a scenario did not behave as RabbitMQ documents, or could not finish%n"
                        + "  130  interrupted (Ctrl-C): its participants are stopped and its queues deleted"})
public final class LabCommand implements Callable<Integer> {
    /** The exit code when a scenario failed. */
    public static final int SCENARIO_FAILED = 8;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*",
            description = "Scenarios to run, in the lab's order whatever the order given (default: all).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--uri", paramLabel = "URI",
            description = {"Run against the broker at this AMQP URI (e.g. amqp://guest:guest@localhost:5672/%%2F) "
                    + "instead of starting Mensajero's own.",
                    "Several addresses (repeat --uri, or a comma list: the nodes of a RabbitMQ cluster) also offer "
                            + "node-failover."})
    List<String> uris = new ArrayList<>();

    @Option(names = "--node-hook", paramLabel = "COMMAND",
            description = "How node-failover kills a node and starts it again: 'COMMAND kill HOST:PORT', "
                    + "'COMMAND restart HOST:PORT' (default: $MENSAJERO_NODE_HOOK, else bench/rabbitmq-cluster "
                    + "when the working directory has it).")
    String nodeHook;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML page with a timeline per scenario.")
    Path html;

    @Option(names = "--lang", paramLabel = "es|en",
            description = "Language of the output (default: Spanish when the system's language is Spanish, else English).")
    String lang;

    @Option(names = "--list", description = "List the scenarios with what each shows, and exit.")
    boolean list;

    @Option(names = "--drop-nth", hidden = true, paramLabel = "SCENARIO/PARTICIPANT=N",
            description = "TEST ONLY: that participant hides its Nth delivery (see receive/work --drop-nth).")
    Map<String, Integer> drops = new LinkedHashMap<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Messages messages = CommonOptions.languageOf(lang, spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TextRenderer text = new TextRenderer(messages);
        if (list) {
            out.print(text.list(Scenarios.ids()));
            out.flush();
            return 0;
        }
        boolean cluster = !uris.isEmpty() && ConnectionSettings.fromUris(uris).addresses().size() > 1;
        List<Scenario> chosen = chosen(cluster);
        NodeHook hook = NodeHook.find(nodeHook, System.getenv(), Path.of(""));
        if (hook == null && chosen.stream().anyMatch(Scenario::needsCluster)) {
            String first = chosen.stream().filter(Scenario::needsCluster).findFirst().orElseThrow().id();
            if (scenarios.contains(first)) {
                throw NodeHook.missing(first);
            }
            err.println(messages.get("hook.missing", first));
            chosen.removeIf(Scenario::needsCluster);
        }
        Map<String, Map<String, Integer>> faults = faults();
        Path page = html == null ? null : writable(html);

        long start = System.nanoTime();
        try (LabBroker broker = uris.isEmpty() ? LabBroker.embedded() : LabBroker.at(uris)) {
            String runId = Long.toHexString(ThreadLocalRandom.current().nextLong(0x100000L, 0x1000000L));
            Progress progress = new Progress(err, System.console() != null, messages);
            Lab lab = new Lab(broker, messages, progress, runId, faults, hook);
            Thread cleanup = new Thread(lab::abort, "mensajero-lab-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            String brokerName = messages.get(broker.isEmbedded() ? "broker.embedded" : "broker.remote",
                    broker.product(), broker.address());
            List<Scenario> left = leftOut(chosen, broker);
            chosen = chosen.stream().filter(s -> !left.contains(s)).toList();
            if (chosen.isEmpty()) {
                throw Errors.parameter(spec.commandLine(), "lab.nothingLeft");
            }
            left.forEach(s -> err.println(messages.get("lab.leftOut", s.id())));
            err.flush();
            out.print(text.header(brokerName, runId, chosen.size()));
            out.flush();
            List<ScenarioResult> results = new ArrayList<>();
            try {
                for (Scenario scenario : chosen) {
                    ScenarioResult result = lab.run(scenario, results.size() + 1, chosen.size());
                    results.add(result);
                    out.print(text.scenario(result, chosen.size()));
                    out.flush();
                }
            } finally {
                removeHook(cleanup);
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            out.print(text.summary(results, tookMs));
            out.flush();
            if (page != null) {
                write(page, new HtmlRenderer(messages).page(brokerName, runId, results, tookMs));
                out.println(messages.get("html.written", page));
                out.flush();
            }
            return results.stream().allMatch(ScenarioResult::passed) ? 0 : SCENARIO_FAILED;
        }
    }

    /** The scenarios the broker cannot run yet (Mensajero's, before phase 2 of issue 10). */
    private static List<Scenario> leftOut(List<Scenario> chosen, LabBroker broker) {
        return broker.product().startsWith("Mensajero")
                ? chosen.stream().filter(s -> !s.runsOnMensajero()).toList() : List.of();
    }

    /** The scenarios named, in the lab's order (all by default; those needing a cluster only on one). */
    private List<Scenario> chosen(boolean cluster) {
        for (String id : scenarios) {
            Scenario scenario = Scenarios.byId(id).orElseThrow(() -> Errors.parameter(spec.commandLine(),
                    "cmd.error.lab.unknownScenario", id, String.join(", ", Scenarios.ids())));
            if (scenario.needsCluster() && !cluster) {
                throw Errors.parameter(spec.commandLine(), "cmd.error.lab.needsCluster", id);
            }
        }
        return new ArrayList<>(scenarios.isEmpty() ? Scenarios.byDefault(cluster)
                : Scenarios.all().stream().filter(s -> scenarios.contains(s.id())).toList());
    }

    private Map<String, Map<String, Integer>> faults() {
        Map<String, Map<String, Integer>> faults = new LinkedHashMap<>();
        drops.forEach((where, n) -> {
            String[] parts = where.split("/", 2);
            if (parts.length != 2 || Scenarios.byId(parts[0]).isEmpty() || n < 1) {
                throw Errors.parameter(spec.commandLine(), "cmd.error.lab.dropNth", where + "=" + n);
            }
            faults.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], n);
        });
        return faults;
    }

    /** Checks before the run that the page can be written where asked. */
    private static Path writable(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw Errors.usage("cmd.error.lab.html", file.toString(), Text.of("cmd.error.lab.html.directory"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw Errors.usage("cmd.error.lab.html", file.toString(),
                    Text.of("cmd.error.lab.html.noFolder", String.valueOf(folder)));
        }
        if (Files.exists(target) ? !Files.isWritable(target) : !Files.isWritable(folder)) {
            throw Errors.usage("cmd.error.lab.html", file.toString(), Text.of("cmd.error.lab.html.denied"));
        }
        return target;
    }

    private static void write(Path page, String content) {
        try {
            Files.writeString(page, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Errors.usage("cmd.error.lab.html", page.toString(), Text.literal(String.valueOf(e.getMessage())));
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs.
        }
    }
}
