package io.mensajero.cli.bench;

import io.mensajero.cli.CommonOptions;
import io.mensajero.cli.Errors;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.MensajeroException;
import io.mensajero.cli.Converters;
import io.mensajero.cli.Signals;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.model.QueueArguments;
import io.mensajero.cli.bench.model.QueuePlan;
import io.mensajero.cli.bench.output.BenchOutput;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.ExchangeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mensajero bench}: a load generator with RabbitMQ PerfTest's option names, printing
 * send and receive rates and consumer latency percentiles every second, then a summary.
 */
@Command(name = "bench", sortOptions = false,
        description = {"Measure a broker's throughput and latency, like RabbitMQ's PerfTest (same option names)",
                "Producers and consumers each get a connection of their own. Every second: messages sent and "
                        + "received per second and consumer latency percentiles (the send time travels in the body); "
                        + "then a summary. Runs until -z, -C/-D or Ctrl-C."},
        footer = {"", "Examples:",
                "  mensajero bench -x 1 -y 1 -s 100 -a -z 30                    1 producer, 1 consumer, autoack",
                "  mensajero bench -x 4 -y 4 --queue-pattern 'perf-test-%%d' --queue-pattern-from 1 "
                        + "--queue-pattern-to 4 -z 30",
                "  mensajero bench -f persistent -c 100 -q 100 -u orders -z 30  confirms, manual ack",
                "", "Unlike PerfTest, -h is --help; the broker is given with --uri.",
                "%nExit codes:%n"
                        + "  0  ok, also after Ctrl-C or SIGTERM (it stops and prints its summary)%n"
                        + "  1  unexpected internal error%n"
                        + "  2  usage error: a bad option value or a malformed URI%n"
                        + "  3  the broker cannot be reached, or the connection to it was lost%n"
                        + "  4  authentication failed%n"
                        + "  5  vhost not found, or access refused%n"
                        + "  6  the broker refused an operation (e.g. 406 PRECONDITION_FAILED on a queue declare)"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = {"-x", "--producers"}, paramLabel = "N", defaultValue = "1", converter = Converters.CountConverter.class,
            description = "Producers, each with its own connection and thread (default ${DEFAULT-VALUE}).")
    int producers;

    @Option(names = {"-y", "--consumers"}, paramLabel = "N", defaultValue = "1", converter = Converters.CountConverter.class,
            description = "Consumers, each with its own connection (default ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = {"-u", "--queue"}, paramLabel = "NAME",
            description = "Queue the consumers share (default: a server-named queue per consumer).")
    String queue;

    @Option(names = {"-qp", "--queue-pattern"}, paramLabel = "PATTERN",
            description = "Queues named by a pattern, e.g. 'perf-test-%%d', numbered by --queue-pattern-from/-to; "
                    + "producers and consumers are spread over them.")
    String queuePattern;

    @Option(names = {"-qpf", "--queue-pattern-from"}, paramLabel = "N", converter = Converters.CountConverter.class,
            description = "First number of --queue-pattern (inclusive).")
    Integer queuePatternFrom;

    @Option(names = {"-qpt", "--queue-pattern-to"}, paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Last number of --queue-pattern (inclusive).")
    Integer queuePatternTo;

    @Option(names = {"-s", "--size"}, paramLabel = "BYTES", defaultValue = "12", converter = Converters.CountConverter.class,
            description = "Message size in bytes (default and minimum ${DEFAULT-VALUE}: a sequence number and the send time).")
    int size;

    @Option(names = {"-r", "--rate"}, paramLabel = "MSG/S", converter = NonNegativeRate.class,
            description = "Messages per second per producer (default: no limit; 0 is no limit too).")
    double rate;

    @Option(names = {"-c", "--confirm"}, paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Publisher confirms, with at most N unconfirmed messages per producer (0: no limit). "
                    + "Default: no confirms.")
    Integer confirm;

    @Option(names = {"-f", "--flag"}, paramLabel = "FLAG",
            description = "persistent (persistent messages and durable queues) or mandatory; repeat for both.")
    List<String> flags = new ArrayList<>();

    @Option(names = {"-a", "--autoack"}, description = "Consumers use automatic acknowledgement (default: manual acks).")
    boolean autoAck;

    @Option(names = {"-q", "--qos"}, paramLabel = "N", defaultValue = "0", converter = Converters.CountConverter.class,
            description = "Consumer prefetch count (default 0: no limit).")
    int prefetch;

    @Option(names = {"-A", "--multi-ack-every"}, paramLabel = "N", defaultValue = "0",
            converter = Converters.CountConverter.class,
            description = "Ack with multiple=true every N deliveries (default 0: ack each one).")
    int multiAckEvery;

    @Option(names = {"-z", "--time"}, paramLabel = "SECONDS", converter = Converters.DurationConverter.class,
            description = "Run for this long: seconds, or e.g. 500ms, 2m (default: no time limit).")
    Duration time;

    @Option(names = {"-C", "--pmessages"}, paramLabel = "N", defaultValue = "0", converter = Converters.CountConverter.class,
            description = "Messages each producer sends, then stops (default 0: no limit).")
    int producerMessages;

    @Option(names = {"-D", "--cmessages"}, paramLabel = "N", defaultValue = "0", converter = Converters.CountConverter.class,
            description = "Messages each consumer counts, then it is done (default 0: no limit).")
    int consumerMessages;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", defaultValue = "direct",
            converter = Converters.ExchangeTypeConverter.class,
            description = "Exchange type: direct, fanout, topic or headers (default ${DEFAULT-VALUE}).")
    ExchangeType exchangeType;

    @Option(names = {"-e", "--exchange"}, paramLabel = "NAME", defaultValue = "direct",
            description = "Exchange to publish to (default '${DEFAULT-VALUE}', declared with --type; '' is the default exchange).")
    String exchange;

    @Option(names = {"-k", "--routing-key"}, paramLabel = "KEY",
            description = "Routing key (default: a random one, which the queues are bound with).")
    String routingKey;

    @Option(names = {"-qa", "--queue-args"}, paramLabel = "K=V,...",
            description = "Queue arguments, e.g. x-max-length=10,x-queue-type=classic (whole numbers are sent as numbers).")
    String queueArgs;

    @Option(names = {"-ad", "--auto-delete"}, paramLabel = "true|false", defaultValue = "true", arity = "1",
            description = "Declare queues auto-delete (default ${DEFAULT-VALUE}).")
    String autoDelete;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", defaultValue = "1",
            converter = Converters.DurationConverter.class,
            description = "Sampling interval (default ${DEFAULT-VALUE} s).")
    Duration interval;

    @Option(names = "--uri", paramLabel = "URI", defaultValue = "${env:MENSAJERO_URI:-" + ConnectionSettings.DEFAULT_URI + "}",
            showDefaultValue = Visibility.NEVER,
            description = "AMQP URI of the broker (default amqp://guest:guest@localhost:5672/%%2F, "
                    + "or the MENSAJERO_URI environment variable).")
    String uri;

    @Option(names = "--json", description = "Print JSON lines (bench-started, bench-sample, summary) instead of text.")
    boolean json;

    @Option(names = "--name", paramLabel = "NAME", description = "This run's name in JSON output (default: bench).")
    String name;

    @Option(names = "--lang", paramLabel = "es|en",
            description = "Language of the human lines and errors (default: the system's, Spanish or English); "
                    + "--json is the same in both.")
    String lang;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BenchSettings settings = settings();
        ConnectionSettings connection = ConnectionSettings.fromUri(uri);
        Messages messages = CommonOptions.languageOf(lang, spec.commandLine());
        BenchOutput output = BenchOutput.of(spec.commandLine().getOut(), json, name == null ? "bench" : name, messages);
        BenchRun run = new BenchRun(settings, connection, output);
        CountDownLatch finished = new CountDownLatch(1);
        Signals.onStop(run::stop, finished, spec.commandLine().getErr(), messages);
        try {
            output.summary(settings, run.run());
            return 0;
        } finally {
            finished.countDown();
        }
    }

    /** The options, checked; a bad combination is a usage error (one line, exit 2). */
    BenchSettings settings() {
        boolean persistent = false;
        boolean mandatory = false;
        for (String flag : flags) {
            switch (flag.trim().toLowerCase(Locale.ROOT)) {
                case "persistent" -> persistent = true;
                case "mandatory" -> mandatory = true;
                default -> throw usage("cmd.error.bench.flag", flag);
            }
        }
        if (!autoDelete.equals("true") && !autoDelete.equals("false")) {
            throw usage("cmd.error.bench.autoDelete", autoDelete);
        }
        if (interval.isZero()) {
            throw usage("cmd.error.bench.interval");
        }
        if (time != null && time.isZero()) {
            throw usage("cmd.error.bench.time");
        }
        Map<String, Object> arguments;
        try {
            arguments = QueueArguments.parse(queueArgs);
        } catch (MensajeroException e) {
            throw usage("cmd.error.bench.queueArgs", e.text());
        }
        return new BenchSettings(producers, consumers, queuePlan(), size, rate, confirm == null ? -1 : confirm, persistent,
                mandatory, autoAck, prefetch, multiAckEvery, time, producerMessages, consumerMessages, exchange,
                exchangeType, routingKey, arguments, Boolean.parseBoolean(autoDelete), interval);
    }

    private QueuePlan queuePlan() {
        if (queuePattern == null) {
            if (queuePatternFrom != null || queuePatternTo != null) {
                throw usage("cmd.error.bench.patternBounds");
            }
            return QueuePlan.fixed(queue, routingKey);
        }
        if (queue != null) {
            throw usage("cmd.error.bench.queueOrPattern");
        }
        if (routingKey != null) {
            throw usage("cmd.error.bench.keyOrPattern");
        }
        if (queuePatternFrom == null || queuePatternTo == null) {
            throw usage("cmd.error.bench.patternNeedsBounds");
        }
        try {
            return QueuePlan.sequence(queuePattern, queuePatternFrom, queuePatternTo);
        } catch (MensajeroException e) {
            throw Errors.parameter(spec.commandLine(), e.text());
        }
    }

    private ParameterException usage(String key, Object... args) {
        return Errors.parameter(spec.commandLine(), key, args);
    }

    /** Messages per second: 0 (no limit) or more. */
    static final class NonNegativeRate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double r;
            try {
                r = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw Errors.badValue("cmd.error.value.rate", value);
            }
            if (r < 0 || Double.isNaN(r) || Double.isInfinite(r)) {
                throw Errors.badValue("cmd.error.bench.rate", value);
            }
            return r;
        }
    }
}
