package io.mensajero.scenarios.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.cli.Main;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Requirements;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code mensajero ctl} against a broker's management API (in this JVM, through
 * {@link Main#run}, which returns the exit code instead of exiting) and reads what it printed.
 */
final class Ctl {
    /**
     * RabbitMQ's management API reports connections, channels, consumers and message counts from
     * statistics emitted every 5 s: listings wait for them this long.
     */
    static final Duration STATS = Duration.ofSeconds(30);
    private static final Map<String, Boolean> REACHABLE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed, and its exit code. */
    record Result(List<String> args, int exit, String out, String err) {
        /** The table's rows (after any informational lines, with -q: the header row first). */
        List<List<String>> rows() {
            return out.lines().map(line -> Arrays.asList(line.split("\t", -1))).toList();
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /** The one line on stderr. */
        String errorLine() {
            assertThat(err.lines().toList()).as("stderr of %s", this).hasSize(1);
            return err.strip();
        }

        @Override
        public String toString() {
            return "mensajero ctl " + String.join(" ", args) + " -> exit " + exit + ", stdout [" + out.strip()
                    + "], stderr [" + err.strip() + "]";
        }
    }

    private Ctl() {
    }

    /**
     * The broker's management API, after checking it answers: skipped (failed under CI) when
     * RabbitMQ has no management plugin; skipped on Mensajero while its broker has none.
     */
    static String management(BrokerUnderTest broker) {
        String uri = broker.managementUri();
        if (!REACHABLE.computeIfAbsent(uri, Ctl::answers)) {
            Requirements.unavailable("the management API is not reachable at " + uri + " (rabbitmq-plugins enable "
                    + "rabbitmq_management, or set RABBITMQ_MANAGEMENT_PORT)");
        }
        return uri;
    }

    /** {@code mensajero ctl --management-url <broker's> <args>}. */
    static Result run(BrokerUnderTest broker, String... args) {
        List<String> all = new ArrayList<>(List.of("ctl", "--management-url", management(broker)));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(List.of(args), exit, out.toString(), err.toString());
    }

    /** Runs it and expects exit 0 and nothing on stderr. */
    static Result ok(BrokerUnderTest broker, String... args) {
        Result result = run(broker, args);
        assertThat(result.exit()).as("%s", result).isZero();
        assertThat(result.err()).as("%s", result).isEmpty();
        return result;
    }

    /** Runs it and expects the exit code and exactly one line on stderr, which it returns. */
    static String fails(BrokerUnderTest broker, int exit, String... args) {
        Result result = run(broker, args);
        assertThat(result.exit()).as("%s", result).isEqualTo(exit);
        String line = result.errorLine();
        assertThat(line).as("%s", result).startsWith("mensajero: ").doesNotContain("Exception").doesNotContain("\tat ");
        return line;
    }

    /** The rows of a quiet listing, without its header row ({@code -s}). */
    static List<List<String>> rows(BrokerUnderTest broker, String... listing) {
        List<String> args = new ArrayList<>(List.of(listing));
        args.add("-s");
        return ok(broker, args.toArray(String[]::new)).rows();
    }

    /** Waits until a listing's rows (with {@code -s}) satisfy the condition; returns them. */
    static List<List<String>> awaitRows(BrokerUnderTest broker, Predicate<List<List<String>>> condition,
                                        String... listing) {
        List<List<List<String>>> last = new ArrayList<>();
        await().atMost(STATS).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<List<String>> rows = rows(broker, listing);
            last.clear();
            last.add(rows);
            return condition.test(rows);
        });
        return last.get(0);
    }

    /** The listing in JSON: an array of objects. */
    static JsonNode json(BrokerUnderTest broker, String... listing) {
        List<String> args = new ArrayList<>(List.of(listing));
        args.addAll(List.of("--formatter", "json"));
        return ok(broker, args.toArray(String[]::new)).json();
    }

    private static boolean answers(String uri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/api/overview")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8))).GET().build();
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3)).build().send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
