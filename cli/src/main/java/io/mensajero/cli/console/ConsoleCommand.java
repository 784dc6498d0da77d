package io.mensajero.cli.console;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import io.mensajero.cli.CommonOptions;
import io.mensajero.cli.EventPrinter;
import io.mensajero.cli.Signals;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import io.mensajero.client.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mensajero console}: serves the web console on a local port and forwards its API calls
 * to a management API (RabbitMQ's management plugin, or Mensajero's broker), so one console
 * works with either. One line when it is ready, one when it stops.
 */
@Command(name = "console", sortOptions = false,
        description = {"Serve the web console locally for a broker's management HTTP API (RabbitMQ's or Mensajero's).",
                "Open the printed address in a browser and log in with the broker's user name and password: "
                        + "every API call is forwarded to --management-url with those credentials."},
        footer = {"%nExit codes:%n"
                + "  0  stopped with Ctrl-C or SIGTERM%n"
                + "  2  usage error: a malformed --management-url or a bad --port%n"
                + "  7  cannot listen: the port is already in use, or the address is not this machine's"})
public final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--management-url", paramLabel = "URL", defaultValue = "http://localhost:15672",
            description = "The management API to use (default ${DEFAULT-VALUE}), e.g. RabbitMQ's management plugin "
                    + "or Mensajero's broker's management port.")
    String managementUrl;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "15670",
            description = "Local port for the console (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only, since the browser "
                    + "sends the broker's credentials to it).")
    String bind;

    @Option(names = "--json", description = "Print the ready and stopped lines as JSON events (docs/events.md).")
    boolean json;

    @Option(names = "--lang", paramLabel = "es|en",
            description = "Language of the ready and stopped lines (default: the system's, Spanish or English).")
    String lang;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        URI target = managementUri(managementUrl);
        if (port < 0 || port > 65535) {
            throw Errors.usage("cmd.error.broker.port", "--port", String.valueOf(port));
        }
        Messages messages = CommonOptions.languageOf(lang, spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        ConsoleServer server;
        try {
            server = ConsoleServer.start(bind, port, target);
        } catch (BindException e) {
            throw Errors.failure(Failure.CANNOT_LISTEN, Text.of("cmd.error.broker.cannot-listen", bind, String.valueOf(port),
                    e.getMessage() == null ? Text.of("cmd.error.console.inUse") : e.getMessage().toLowerCase(Locale.ROOT)), e);
        } catch (IOException | IllegalArgumentException e) {
            throw Errors.failure(Failure.CANNOT_LISTEN, Text.of("cmd.error.broker.cannot-listen", bind, String.valueOf(port),
                    String.valueOf(e.getMessage())), e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Signals.onStop(signal -> stop.countDown(), finished, spec.commandLine().getErr(), messages);
        String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port() + "/";
        print(out, EventType.READY, messages.get("cmd.console.ready", url, target.toString()),
                "url", url, "host", bind, "port", server.port(), "managementUrl", target.toString());
        try {
            stop.await();
            server.close();
            print(out, EventType.STOPPED, messages.get("cmd.console.stopped"));
            return 0;
        } finally {
            finished.countDown();
        }
    }

    /** An http(s) URL with a host and no credentials (the console asks for them in its login page). */
    static URI managementUri(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw Errors.usage("cmd.error.console.malformed", text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Errors.usage("cmd.error.console.scheme", text);
        }
        if (uri.getHost() == null) {
            throw Errors.usage("cmd.error.console.malformed", text, Text.of("ctl.error.url.noHost"));
        }
        if (uri.getRawUserInfo() != null) {
            throw Errors.usage("cmd.error.console.credentials");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw Errors.usage("cmd.error.console.query", text);
        }
        return uri;
    }

    private void print(PrintWriter out, EventType type, String human, Object... fields) {
        out.println(json ? EventPrinter.toJson(Event.of(type, "console", fields)) : human);
        out.flush();
    }
}
