package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * rabbitmqctl's {@code status} from the management API: {@code /api/overview} (product, node,
 * listeners, totals) and, where the broker serves it, {@code /api/nodes/NODE} (process, memory,
 * disk, file descriptors, alarms). Sections without data are left out. As text in rabbitmqctl's
 * sections, or as JSON with rabbitmqctl's keys.
 */
final class StatusReport {
    private static final Map<String, String> PURPOSES = Map.of(
            "amqp", "AMQP 0-9-1 and AMQP 1.0", "amqp/ssl", "AMQP 0-9-1 and AMQP 1.0 over TLS",
            "http", "HTTP API", "https", "HTTP API over TLS (HTTPS)",
            "clustering", "inter-node and CLI tool communication",
            "http/prometheus", "Prometheus exporter API over HTTP");

    private final JsonNode overview;
    private final JsonNode node;
    private final int vhosts;
    private final String unit;

    /** {@code node} is missing when the broker does not serve it; {@code unit} is bytes, mb or gb. */
    StatusReport(JsonNode overview, JsonNode node, int vhosts, String unit) {
        this.overview = overview;
        this.node = node;
        this.vhosts = vhosts;
        this.unit = unit.toLowerCase(Locale.ROOT);
    }

    String nodeName() {
        return overview.path("node").asText("");
    }

    String text() {
        StringBuilder text = new StringBuilder();
        section(text, "Runtime", runtime());
        section(text, "Plugins", list("Enabled plugins:", node.path("enabled_plugins")));
        section(text, "Data directory", line("Node data directory: ", node.path("db_dir")));
        section(text, "Config files", list(null, node.path("config_files")));
        section(text, "Log file(s)", list(null, node.path("log_files")));
        if (!node.isMissingNode()) {
            section(text, "Alarms", alarms().isEmpty() ? List.of("(none)") : alarms());
        }
        section(text, "Memory", memory());
        section(text, "File Descriptors", fileDescriptors());
        section(text, "Free Disk Space", disk());
        section(text, "Totals", List.of("Connection count: " + totals().path("connections").asText("0"),
                "Queue count: " + totals().path("queues").asText("0"), "Virtual host count: " + vhosts));
        List<String> listeners = new ArrayList<>();
        overview.path("listeners").forEach(l -> listeners.add("Interface: " + address(l) + ", port: "
                + l.path("port").asText() + ", protocol: " + l.path("protocol").asText() + ", purpose: "
                + purpose(l)));
        section(text, "Listeners", listeners);
        if (node.isMissingNode()) {
            text.append("\n(this management API gives no node details: memory, disk space, file descriptors, alarms)\n");
        }
        return text.toString();
    }

    JsonNode json() {
        ObjectNode json = ManagementClient.JSON.createObjectNode();
        copy(json, "product_name", overview, "product_name");
        copy(json, "product_version", overview, "product_version");
        copy(json, "rabbitmq_version", overview, "rabbitmq_version");
        copy(json, "erlang_version", overview, "erlang_full_version");
        copy(json, "node", overview, "node");
        if (!node.isMissingNode()) {
            json.put("pid", node.path("os_pid").asLong());
            json.put("uptime", node.path("uptime").asLong() / 1000);
            json.set("active_plugins", node.path("enabled_plugins"));
            ArrayNode alarms = json.putArray("alarms");
            alarms().forEach(alarms::add);
            copy(json, "vm_memory_calculation_strategy", node, "mem_calculation_strategy");
            copy(json, "vm_memory_high_watermark_limit", node, "mem_limit");
            json.putObject("memory").put("total", node.path("mem_used").asLong());
            copy(json, "disk_free", node, "disk_free");
            copy(json, "disk_free_limit", node, "disk_free_limit");
            json.putObject("file_descriptors").put("total_used", node.path("fd_used").asLong())
                    .put("total_limit", node.path("fd_total").asLong())
                    .put("sockets_used", node.path("sockets_used").asLong())
                    .put("sockets_limit", node.path("sockets_total").asLong());
            json.putObject("processes").put("used", node.path("proc_used").asLong())
                    .put("limit", node.path("proc_total").asLong());
            copy(json, "run_queue", node, "run_queue");
            copy(json, "net_ticktime", node, "net_ticktime");
        }
        json.putObject("totals").put("virtual_host_count", vhosts)
                .put("connection_count", totals().path("connections").asLong())
                .put("queue_count", totals().path("queues").asLong());
        ArrayNode listeners = json.putArray("listeners");
        overview.path("listeners").forEach(l -> listeners.addObject().put("interface", address(l))
                .put("node", l.path("node").asText()).put("port", l.path("port").asInt())
                .put("protocol", l.path("protocol").asText()).put("purpose", purpose(l)));
        return json;
    }

    private List<String> runtime() {
        List<String> lines = new ArrayList<>();
        lines.addAll(line("OS PID: ", node.path("os_pid")));
        if (node.has("uptime")) {
            lines.add("Uptime (seconds): " + node.path("uptime").asLong() / 1000);
        }
        String product = overview.path("product_name").asText("");
        String version = overview.path("product_version").asText(overview.path("rabbitmq_version").asText(""));
        if (!version.isEmpty()) {
            lines.add((product.isEmpty() ? "RabbitMQ" : product) + " version: " + version);
        }
        lines.addAll(line("Node name: ", overview.path("node")));
        lines.addAll(line("Erlang configuration: ", overview.path("erlang_full_version")));
        if (node.has("proc_used")) {
            lines.add("Erlang processes: " + node.path("proc_used").asText() + " used, "
                    + node.path("proc_total").asText() + " limit");
        }
        lines.addAll(line("Scheduler run queue: ", node.path("run_queue")));
        lines.addAll(line("Cluster heartbeat timeout (net_ticktime): ", node.path("net_ticktime")));
        return lines;
    }

    private List<String> alarms() {
        List<String> alarms = new ArrayList<>();
        if (node.path("mem_alarm").asBoolean(false)) {
            alarms.add("Memory alarm on node " + nodeName());
        }
        if (node.path("disk_free_alarm").asBoolean(false)) {
            alarms.add("Free disk space alarm on node " + nodeName());
        }
        return alarms;
    }

    private List<String> memory() {
        if (!node.has("mem_used")) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Total memory used: " + amount(node.path("mem_used")));
        lines.addAll(line("Calculation strategy: ", node.path("mem_calculation_strategy")));
        if (node.has("mem_limit")) {
            lines.add("Memory high watermark: " + amount(node.path("mem_limit")));
        }
        return lines;
    }

    private List<String> fileDescriptors() {
        if (!node.has("fd_used")) {
            return List.of();
        }
        return List.of("Total: " + node.path("fd_used").asText() + ", limit: " + node.path("fd_total").asText(),
                "Sockets: " + node.path("sockets_used").asText() + ", limit: " + node.path("sockets_total").asText());
    }

    private List<String> disk() {
        if (!node.has("disk_free")) {
            return List.of();
        }
        return List.of("Low free disk space watermark: " + amount(node.path("disk_free_limit")),
                "Free disk space: " + amount(node.path("disk_free")));
    }

    private JsonNode totals() {
        return overview.path("object_totals");
    }

    /** Bytes in the unit asked for, as rabbitmqctl rounds them: 0.1376 gb. */
    String amount(JsonNode bytes) {
        BigDecimal value = BigDecimal.valueOf(bytes.asLong());
        return switch (unit) {
            case "bytes" -> value.toPlainString() + " bytes";
            case "mb" -> scaled(value, 1_000_000) + " mb";
            default -> scaled(value, 1_000_000_000) + " gb";
        };
    }

    private static String scaled(BigDecimal value, long divisor) {
        BigDecimal result = value.divide(BigDecimal.valueOf(divisor), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        return result.signum() == 0 ? "0.0" : result.toPlainString();
    }

    private static String address(JsonNode listener) {
        String ip = listener.path("ip_address").asText("");
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    private static String purpose(JsonNode listener) {
        return PURPOSES.getOrDefault(listener.path("protocol").asText(""), "");
    }

    private static List<String> line(String label, JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText("").isEmpty()
                ? List.of() : List.of(label + value.asText());
    }

    private static List<String> list(String title, JsonNode items) {
        if (!items.isArray() || items.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (title != null) {
            lines.add(title);
            lines.add("");
        }
        items.forEach(item -> lines.add(" * " + item.asText()));
        return lines;
    }

    private static void copy(ObjectNode json, String key, JsonNode from, String field) {
        if (from.hasNonNull(field)) {
            json.set(key, from.get(field));
        }
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(title).append("\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
    }
}
