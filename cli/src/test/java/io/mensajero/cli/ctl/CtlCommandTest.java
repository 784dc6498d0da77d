package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mensajero ctl}'s command line against a made-up management API: rabbitmqctl's shape of
 * invocation, what is sent, how tables and JSON look.
 */
class CtlCommandTest {
    static final String QUEUES = "[{\"name\":\"hello\",\"vhost\":\"/\",\"messages\":3,\"durable\":false,"
            + "\"arguments\":{\"x-max-length\":10},\"consumers\":1},"
            + "{\"name\":\"task_queue\",\"vhost\":\"/\",\"messages\":0,\"durable\":true,\"arguments\":{},\"consumers\":0}]";

    private FakeApi api;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private int ctl(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("ctl", "--management-url", api.url()));
        all.addAll(List.of(args));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    @Test
    void listQueuesPrintsRabbitmqctlsHeadingAndTable() {
        api.on("GET /api/queues/%2F", 200, QUEUES);
        assertThat(ctl("list_queues")).isZero();
        assertThat(out.toString()).isEqualTo("Timeout: 60.0 seconds ...\nListing queues for vhost / ...\n"
                + "name\tmessages\nhello\t3\ntask_queue\t0\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void optionsGoBeforeOrAfterTheCommandAndNamesMayUseDashes() {
        api.on("GET /api/queues/shop", 200, QUEUES);
        assertThat(ctl("-n", "rabbit@anywhere", "-q", "-p", "shop", "list_queues", "name", "durable")).isZero();
        String before = out.toString();
        assertThat(ctl("list-queues", "name", "durable", "-p", "shop", "-n", "rabbit@anywhere", "-q", "--local")).isZero();
        assertThat(out.toString()).isEqualTo(before).isEqualTo("name\tdurable\nhello\tfalse\ntask_queue\ttrue\n");
        assertThat(api.calls()).containsExactly("GET /api/queues/shop", "GET /api/queues/shop");
    }

    @Test
    void silentLeavesOutTheHeaderRowAndArgumentsAreAProplist() {
        api.on("GET /api/queues/%2F", 200, QUEUES);
        assertThat(ctl("list_queues", "-s", "name", "arguments", "consumers")).isZero();
        assertThat(out.toString()).isEqualTo("hello\t[{\"x-max-length\",10}]\t1\ntask_queue\t[]\t0\n");
    }

    @Test
    void jsonIsAnArrayWithOneObjectPerLineInTheColumnsOrder() throws IOException {
        api.on("GET /api/queues/%2F", 200, QUEUES);
        assertThat(ctl("list_queues", "--formatter", "json", "name", "arguments")).isZero();
        assertThat(out.toString()).isEqualTo("[\n{\"name\":\"hello\",\"arguments\":{\"x-max-length\":10}}\n"
                + ",{\"name\":\"task_queue\",\"arguments\":{}}\n]\n");
        assertThat(new ObjectMapper().readTree(out.toString())).hasSize(2);
        api.on("GET /api/queues/%2F", 200, "[]");
        assertThat(ctl("list_queues", "--json")).isZero();
        assertThat(out.toString()).isEqualTo("[\n]\n");
    }

    @Test
    void anEmptyListingHasNoHeaderRow() {
        api.on("GET /api/connections", 200, "[]");
        assertThat(ctl("list_connections")).isZero();
        assertThat(out.toString()).isEqualTo("Listing connections ...\n");
    }

    @Test
    void columnsMapToTheApisFields() {
        api.on("GET /api/consumers/%2F", 200, "[{\"queue\":{\"name\":\"hello\",\"vhost\":\"/\"},\"channel_details\":"
                + "{\"name\":\"127.0.0.1:5000 -> 127.0.0.1:5672 (1)\"},\"consumer_tag\":\"amq.ctag-1\",\"ack_required\":true,"
                + "\"prefetch_count\":1,\"active\":true,\"activity_status\":\"up\",\"arguments\":{}}]");
        assertThat(ctl("list_consumers", "-q")).isZero();
        assertThat(out.toString()).isEqualTo("queue_name\tchannel_pid\tconsumer_tag\tack_required\tprefetch_count\t"
                + "active\targuments\nhello\t127.0.0.1:5000 -> 127.0.0.1:5672 (1)\tamq.ctag-1\ttrue\t1\ttrue\t[]\n");
        api.on("GET /api/bindings/%2F", 200, "[{\"source\":\"logs\",\"vhost\":\"/\",\"destination\":\"q1\","
                + "\"destination_type\":\"queue\",\"routing_key\":\"a.#\",\"arguments\":{}}]");
        assertThat(ctl("list_bindings")).isZero();
        assertThat(out.toString()).isEqualTo("Listing bindings for vhost /...\nsource_name\tsource_kind\t"
                + "destination_name\tdestination_kind\trouting_key\targuments\nlogs\texchange\tq1\tqueue\ta.#\t[]\n");
        api.on("GET /api/connections", 200, "[{\"name\":\"127.0.0.1:5000 -> 127.0.0.1:5672\",\"user\":\"guest\","
                + "\"protocol\":\"AMQP 0-9-1\",\"client_properties\":{\"product\":\"pika\",\"capabilities\":"
                + "{\"basic.nack\":true}}}]");
        assertThat(ctl("list_connections", "-s", "pid", "protocol", "client_properties")).isZero();
        assertThat(out.toString()).isEqualTo("127.0.0.1:5000 -> 127.0.0.1:5672\t{0,9,1}\t"
                + "[{\"product\",\"pika\"},{\"capabilities\",[{\"basic.nack\",true}]}]\n");
        api.on("GET /api/users", 200, "[{\"name\":\"guest\",\"password_hash\":\"SECRETHASH\",\"tags\":[\"administrator\"]},"
                + "{\"name\":\"ana\",\"password_hash\":\"X\",\"tags\":\"management,monitoring\"}]");
        assertThat(ctl("list_users")).isZero();
        assertThat(out.toString()).isEqualTo("Listing users ...\nuser\ttags\nguest\t[administrator]\n"
                + "ana\t[management, monitoring]\n").doesNotContain("SECRETHASH");
    }

    @Test
    void anUnknownColumnIsAUsageErrorAndNothingIsAsked() {
        assertThat(ctl("list_exchanges", "name", "colour")).isEqualTo(2);
        assertThat(err.toString()).startsWith("mensajero: info key(s) colour are not supported by list_exchanges; "
                + "its columns are arguments, auto_delete, durable, internal, name, policy, type")
                .endsWith("(see 'mensajero ctl help list_exchanges')\n");
        assertThat(out.toString()).isEmpty();
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void credentialsComeFromTheFlagsElseTheUrlElseGuestAndAreNeverPrinted() {
        api.on("GET /api/vhosts", 200, "[]");
        assertThat(ctl("list_vhosts")).isZero();
        String url = api.url().replace("http://", "http://ana:s%40cret@");
        out = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "--management-url", url, "list_vhosts"))
                .isZero();
        assertThat(ctl("list_vhosts", "--username", "bob", "--password", "pw")).isZero();
        assertThat(api.requests()).extracting(r -> decode(r.authorization()))
                .containsExactly("guest:guest", "ana:s@cret", "bob:pw");
        api.on("GET /api/vhosts", 401, "{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}");
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "--management-url", url, "list_vhosts"))
                .isEqualTo(4);
        assertThat(err.toString()).contains("authentication failed for user 'ana' at the management API "
                + api.url()).doesNotContain("s%40cret").doesNotContain("s@cret");
    }

    @Test
    void addUserRefusesAnExistingUserAndNeverPrintsThePassword() throws IOException {
        api.on("GET /api/users/ana", 404, "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}");
        api.on("PUT /api/users/ana", 201, "");
        assertThat(ctl("add_user", "ana", "p4ssw0rd")).isZero();
        assertThat(out.toString()).isEqualTo("Adding user \"ana\" ...\nDone. Don't forget to grant the user permissions "
                + "to some virtual hosts! See 'mensajero ctl help set_permissions' to learn more.\n");
        JsonNode body = new ObjectMapper().readTree(api.requests().get(1).body());
        assertThat(body.get("password").asText()).isEqualTo("p4ssw0rd");
        assertThat(body.get("tags").asText()).isEmpty();
        api.on("GET /api/users/ana", 200, "{\"name\":\"ana\",\"tags\":[]}");
        assertThat(ctl("add_user", "ana", "p4ssw0rd")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: user 'ana' already exists\n");
        assertThat(out.toString() + err).doesNotContain("p4ssw0rd");
    }

    @Test
    void setUserTagsSendsTheStoredPasswordHashBack() throws IOException {
        api.on("GET /api/users/ana", 200, "{\"name\":\"ana\",\"password_hash\":\"H4sh\",\"hashing_algorithm\":"
                + "\"rabbit_password_hashing_sha256\",\"tags\":[]}");
        api.on("PUT /api/users/ana", 204, "");
        assertThat(ctl("set_user_tags", "ana", "administrator", "monitoring")).isZero();
        assertThat(out.toString()).isEqualTo("Setting tags for user \"ana\" to [administrator, monitoring] ...\n");
        JsonNode body = new ObjectMapper().readTree(api.requests().get(1).body());
        assertThat(body.get("password_hash").asText()).isEqualTo("H4sh");
        assertThat(body.get("hashing_algorithm").asText()).isEqualTo("rabbit_password_hashing_sha256");
        assertThat(body.get("tags").asText()).isEqualTo("administrator,monitoring");
        assertThat(body.has("password")).isFalse();
    }

    @Test
    void changePasswordKeepsTheTags() throws IOException {
        api.on("GET /api/users/ana", 200, "{\"name\":\"ana\",\"password_hash\":\"H\",\"tags\":[\"management\"]}");
        api.on("PUT /api/users/ana", 204, "");
        assertThat(ctl("change_password", "ana", "n3w")).isZero();
        JsonNode body = new ObjectMapper().readTree(api.requests().get(1).body());
        assertThat(body.get("password").asText()).isEqualTo("n3w");
        assertThat(body.get("tags").asText()).isEqualTo("management");
        assertThat(out.toString()).doesNotContain("n3w");
    }

    @Test
    void eachRefusalIsOneLineWithItsExitCode() {
        api.on("PUT /api/permissions/%2F/ana", 400, "{\"error\":\"bad_request\",\"reason\":[\"invalid_regexp\",[40],"
                + "[[109,105,115,115,105,110,103,32,41],1]]}");
        api.on("GET /api/vhosts/%2F", 200, "{\"name\":\"/\"}");
        api.on("GET /api/users/ana", 200, "{\"name\":\"ana\"}");
        assertThat(ctl("set_permissions", "ana", "(", ".*", ".*")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: the broker refused to set the permissions of user 'ana' in "
                + "vhost '/': 400 invalid regular expression '(' (missing ) at position 1)\n");

        api.on("PUT /api/permissions/nope/ana", 400, "{\"error\":\"bad_request\",\"reason\":\"vhost_or_user_not_found\"}");
        assertThat(ctl("set_permissions", "-p", "nope", "ana", ".*", ".*", ".*")).isEqualTo(5);
        assertThat(err.toString()).isEqualTo("mensajero: virtual host 'nope' does not exist\n");

        api.on("PUT /api/permissions/%2F/bob", 400, "{\"error\":\"bad_request\",\"reason\":\"vhost_or_user_not_found\"}");
        assertThat(ctl("set_permissions", "bob", ".*", ".*", ".*")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: user 'bob' does not exist\n");

        assertThat(ctl("delete_user", "bob")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: user 'bob' does not exist\n");
        assertThat(ctl("delete_vhost", "nope")).isEqualTo(5);
        assertThat(err.toString()).isEqualTo("mensajero: virtual host 'nope' does not exist\n");

        api.on("GET /api/users/bob", 401, "{\"error\":\"not_authorised\",\"reason\":\"Not administrator user\"}");
        assertThat(ctl("add_user", "bob", "x", "--username", "ana")).isEqualTo(5);
        assertThat(err.toString()).isEqualTo("mensajero: user 'ana' may not add user 'bob' at " + api.url()
                + " (401 Not administrator user)\n");

        api.on("PUT /api/policies/%2F/p", 400, "{\"error\":\"bad_request\",\"reason\":\"Validation failed\\n\\n"
                + "[{&lt;&lt;\\\"max-lengthz\\\"&gt;&gt;,1}] are not recognised policy settings\\n\"}");
        assertThat(ctl("set_policy", "p", "^x", "{\"max-lengthz\":1}")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: the broker refused to set policy 'p' in vhost '/': 400 "
                + "Validation failed: [{<<\"max-lengthz\">>,1}] are not recognised policy settings\n");
    }

    @Test
    void anUnreachableApiIsExitCode3() throws IOException {
        String url;
        try (FakeApi closed = new FakeApi()) {
            url = closed.url();
        }
        out = new StringWriter();
        err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "--management-url", url, "status"))
                .isEqualTo(3);
        assertThat(err.toString()).startsWith("mensajero: cannot reach the management API at " + url
                + " to read the overview (connection refused").hasLineCount(1);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "--management-url", "localhost:15672",
                "status")).isEqualTo(2);
    }

    @Test
    void mensajeroOnlyCommandsRefuseRabbitMqWithoutTouchingIt() {
        api.on("GET /api/overview", 200, "{\"product_name\":\"RabbitMQ\",\"node\":\"rabbit@h\"}");
        for (String[] command : List.of(new String[]{"stop_app"}, new String[]{"start_app"},
                new String[]{"set_vm_memory_high_watermark", "0.4"}, new String[]{"set_disk_free_limit", "50MB"})) {
            assertThat(ctl(command)).isEqualTo(6);
            assertThat(err.toString()).isEqualTo("mensajero: " + command[0] + " works on Mensajero's broker only: "
                    + "RabbitMQ does it through its Erlang node, not its management API; run 'rabbitmqctl -n NODE "
                    + command[0] + "' there\n");
        }
        assertThat(api.calls()).containsOnly("GET /api/overview");
    }

    @Test
    void onMensajeroTheyUseItsEndpoints() throws IOException {
        api.on("GET /api/overview", 200, "{\"product_name\":\"Mensajero\",\"node\":\"mensajero@h\"}");
        api.on("POST /api/mensajero/stop_app", 204, "");
        api.on("POST /api/mensajero/start_app", 204, "");
        api.on("PUT /api/mensajero/vm_memory_high_watermark", 204, "");
        api.on("PUT /api/mensajero/disk_free_limit", 204, "");
        assertThat(ctl("stop_app")).isZero();
        assertThat(out.toString()).isEqualTo("Stopping Mensajero application on node mensajero@h ...\n");
        assertThat(ctl("start_app")).isZero();
        assertThat(ctl("set_vm_memory_high_watermark", "0.4")).isZero();
        assertThat(ctl("set_vm_memory_high_watermark", "absolute", "2GB")).isZero();
        assertThat(ctl("set_disk_free_limit", "50MiB")).isZero();
        assertThat(ctl("set_disk_free_limit", "mem_relative", "1.5")).isZero();
        List<String> bodies = api.requests().stream().filter(r -> r.path().startsWith("/api/mensajero/")
                || !r.method().equals("GET")).map(r -> r + " " + r.body()).toList();
        assertThat(bodies).containsExactly("POST /api/mensajero/stop_app {}", "POST /api/mensajero/start_app {}",
                "PUT /api/mensajero/vm_memory_high_watermark {\"relative\":0.4}",
                "PUT /api/mensajero/vm_memory_high_watermark {\"absolute\":2000000000}",
                "PUT /api/mensajero/disk_free_limit {\"absolute\":52428800}",
                "PUT /api/mensajero/disk_free_limit {\"mem_relative\":1.5}");
        assertThat(ctl("set_vm_memory_high_watermark", "1.5")).isEqualTo(2);
        assertThat(ctl("set_disk_free_limit", "lots")).isEqualTo(2);
    }

    @Test
    void closeConnectionSendsTheReasonAndCloseAllKeepsToTheVhost() {
        String name = "127.0.0.1:5000 -> 127.0.0.1:5672";
        String encoded = "127.0.0.1%3A5000%20-%3E%20127.0.0.1%3A5672";
        api.on("DELETE /api/connections/" + encoded, 204, "");
        assertThat(ctl("-n", "rabbit@h", "close_connection", name, "go away")).isZero();
        assertThat(api.requests().get(0).headers().get("x-reason")).isEqualTo("go away");
        assertThat(out.toString()).isEqualTo("Closing connection " + name + ", reason: go away...\n");

        api.on("GET /api/vhosts/shop", 200, "{\"name\":\"shop\"}");
        api.on("GET /api/connections", 200, "[{\"name\":\"" + name + "\",\"vhost\":\"shop\"},"
                + "{\"name\":\"other\",\"vhost\":\"/\"}]");
        assertThat(ctl("close_all_connections", "-p", "shop", "bye")).isZero();
        assertThat(out.toString()).isEqualTo("Closing all connections in vhost shop, reason: bye...\nClosed 1 connections\n");
        assertThat(api.calls()).filteredOn(c -> c.startsWith("DELETE")).containsExactly(
                "DELETE /api/connections/" + encoded, "DELETE /api/connections/" + encoded);
        assertThat(ctl("close_connection", "<rabbit@h.1.2.3>", "bye")).isEqualTo(6);
        assertThat(err.toString()).startsWith("mensajero: connection '<rabbit@h.1.2.3>' not found");
    }

    @Test
    void malformedDefinitionsAreAUsageErrorAndNothingIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"queues\": [", StandardCharsets.UTF_8);
        assertThat(ctl("import_definitions", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("mensajero: the definitions in " + bad + " are not valid JSON (line 1")
                .hasLineCount(1);
        assertThat(ctl("import_definitions", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void exportWritesTheApisDocument(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        api.on("GET /api/definitions", 200, "{\"users\":[],\"vhosts\":[{\"name\":\"/\"}]}");
        java.nio.file.Path file = dir.resolve("defs.json");
        assertThat(ctl("export_definitions", file.toString())).isZero();
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("{\"users\":[],\"vhosts\":[{\"name\":\"/\"}]}");
        assertThat(ctl("export_definitions", "-")).isZero();
        assertThat(out.toString()).isEqualTo("{\"users\":[],\"vhosts\":[{\"name\":\"/\"}]}");
    }

    @Test
    void mutationsInJsonPrintTheirResult() {
        api.on("PUT /api/vhosts/shop", 204, "");
        assertThat(ctl("add_vhost", "shop", "--formatter", "json")).isZero();
        assertThat(out.toString()).isEqualTo("{\"result\":\"ok\"}\n");
        assertThat(ctl("add_vhost", "shop", "-q")).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void addVhostLeavesNoPermissionsBehindAsRabbitmqctlDoes() {
        api.on("PUT /api/vhosts/shop", 201, "");
        api.on("DELETE /api/permissions/shop/guest", 204, "");
        assertThat(ctl("add_vhost", "shop")).isZero();
        assertThat(api.calls()).containsExactly("PUT /api/vhosts/shop", "DELETE /api/permissions/shop/guest");
    }

    private static String decode(String authorization) {
        return new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
    }
}
