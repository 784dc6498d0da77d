package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.RuntimeSettings;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.StatsRegistry;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/nodes} and {@code /api/nodes/{name}}: the one node, with the numbers RabbitMQ's
 * API gives that mean something for a JVM (memory used and its limit, the alarms, the disk free
 * limit, file descriptors, threads, uptime). Monitors and administrators only.
 */
final class NodesResource {
    private final BrokerBridge bridge;

    NodesResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/nodes", r -> node(r).thenApply(n -> ApiResponse.ok(List.of(n))))
                .get("/api/nodes/{name}", r -> {
                    if (!Overview.NODE.equals(r.param("name"))) {
                        r.requireMonitor();
                        throw ApiException.notFound();
                    }
                    return node(r).thenApply(ApiResponse::ok);
                });
    }

    private record State(boolean memoryAlarm, Counters.Snapshot churn, long startedAt, boolean diskAlarm) {
    }

    private CompletableFuture<Map<String, Object>> node(ApiRequest r) {
        r.requireMonitor();
        return bridge.call(r, b -> new State(b.gauge().alarm(), b.stats().churn().snapshot(), b.stats().startedAt(),
                b.alarms().diskAlarm()))
                .thenApply(s -> render(bridge.broker(), s, r));
    }

    private static Map<String, Object> render(BrokerContext b, State s, ApiRequest r) {
        RuntimeSettings settings = b.settings();
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", Overview.NODE);
        m.put("type", "disc");
        m.put("running", true);
        m.put("os_pid", String.valueOf(ProcessHandle.current().pid()));
        m.put("mem_used", rt.totalMemory() - rt.freeMemory());
        m.put("mem_limit", settings.memoryLimitBytes());
        m.put("mem_alarm", s.memoryAlarm());
        m.put("mem_calculation_strategy", "jvm_heap");
        m.put("disk_free_limit", settings.diskFreeLimitBytes());
        m.put("disk_free_alarm", s.diskAlarm());
        m.put("disk_free", (b.store() == null ? new File(".") : b.store().dir().toFile()).getUsableSpace());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            m.put("fd_used", unix.getOpenFileDescriptorCount());
            m.put("fd_total", unix.getMaxFileDescriptorCount());
        }
        m.put("proc_used", Thread.activeCount());
        m.put("processors", rt.availableProcessors());
        m.put("uptime", System.currentTimeMillis() - s.startedAt());
        m.put("run_queue", 0);
        m.put("rates_mode", "basic");
        m.put("exchange_types", Overview.exchangeTypes());
        m.put("auth_mechanisms", List.of(
                Map.of("name", "PLAIN", "description", "SASL PLAIN authentication mechanism", "enabled", true),
                Map.of("name", "AMQPLAIN", "description", "QPid AMQPLAIN mechanism", "enabled", true)));
        m.put("enabled_plugins", List.of("rabbitmq_management", "rabbitmq_prometheus"));
        m.put("contexts", List.of(Overview.context(r)));
        m.put("partitions", List.of());
        for (int i = 0; i < StatsRegistry.CHURN_NAMES.length; i++) {
            StatsJson.put(m, StatsRegistry.CHURN_NAMES[i], s.churn().get(i), s.churn().rate(i));
        }
        return m;
    }
}
