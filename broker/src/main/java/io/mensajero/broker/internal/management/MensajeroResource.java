package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.BrokerContext;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Mensajero's own endpoints, for {@code mensajero ctl} where RabbitMQ has only rabbitmqctl:
 * {@code POST /api/mensajero/stop_app} and {@code start_app} (RabbitMQ's stop_app/start_app cycle:
 * the AMQP listeners close, every connection is closed, non-durable state goes; then it listens
 * again), {@code PUT /api/mensajero/vm_memory_high_watermark} ({@code {"relative": 0.4}} or
 * {@code {"absolute": bytes}}) and {@code PUT /api/mensajero/disk_free_limit}
 * ({@code {"absolute": bytes}} or {@code {"mem_relative": 1.0}}: the limit of the store's disk
 * alarm, answered once the alarm is checked against it; without a data directory the limit is
 * kept and shown but no alarm goes on). Administrators only.
 */
final class MensajeroResource {
    /** RabbitMQ's reason when stop_app closes the connections. */
    static final String SHUTDOWN = "broker forced connection closure with reason 'shutdown'";

    private final BrokerBridge bridge;

    MensajeroResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.post("/api/mensajero/stop_app", this::stopApp)
                .post("/api/mensajero/start_app", this::startApp)
                .put("/api/mensajero/vm_memory_high_watermark", this::memory)
                .put("/api/mensajero/disk_free_limit", this::disk);
    }

    private CompletableFuture<ApiResponse> stopApp(ApiRequest r) {
        r.requireAdministrator();
        return bridge.call(r, b -> {
            BrokerContext.Listeners listeners = b.listeners();
            listeners.stop();
            b.closeConnections(c -> true, SHUTDOWN);
            b.dropNonDurable();
            return ApiResponse.noContent();
        });
    }

    private CompletableFuture<ApiResponse> startApp(ApiRequest r) {
        r.requireAdministrator();
        return bridge.callAsync(r, b -> b.listeners().start()).handle((ok, e) -> {
            if (e != null) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new ApiException(io.netty.handler.codec.http.HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        "start_app_failed", "cannot listen again: " + cause.getMessage());
            }
            return ApiResponse.noContent();
        });
    }

    private CompletableFuture<ApiResponse> memory(ApiRequest r) {
        r.requireAdministrator();
        Map<String, Object> body = r.jsonObject();
        long max = Runtime.getRuntime().maxMemory();
        long bytes;
        if (body.containsKey("relative")) {
            double f = number(body.get("relative"), "relative");
            if (f < 0) {
                throw ApiException.badRequest("relative must be 0 or more, got " + body.get("relative"));
            }
            bytes = (long) (f * max);
        } else if (body.containsKey("absolute")) {
            bytes = bytes(body.get("absolute"));
        } else {
            throw ApiException.badRequest("expected {\"relative\": fraction} or {\"absolute\": bytes}");
        }
        return bridge.call(r, b -> {
            b.alarms().memoryLimit(bytes);
            return ApiResponse.noContent();
        });
    }

    private CompletableFuture<ApiResponse> disk(ApiRequest r) {
        r.requireAdministrator();
        Map<String, Object> body = r.jsonObject();
        if (body.containsKey("absolute")) {
            long bytes = bytes(body.get("absolute"));
            return bridge.callAsync(r, b -> {
                CompletableFuture<ApiResponse> checked = new CompletableFuture<>();
                b.alarms().diskFreeLimit(bytes, () -> checked.complete(ApiResponse.noContent()));
                return checked;
            });
        }
        if (body.containsKey("mem_relative")) {
            double f = number(body.get("mem_relative"), "mem_relative");
            if (f < 0) {
                throw ApiException.badRequest("mem_relative must be 0 or more, got " + body.get("mem_relative"));
            }
            return bridge.callAsync(r, b -> {
                CompletableFuture<ApiResponse> checked = new CompletableFuture<>();
                b.alarms().diskFreeLimitMemRelative(f, () -> checked.complete(ApiResponse.noContent()));
                return checked;
            });
        }
        throw ApiException.badRequest("expected {\"absolute\": bytes} or {\"mem_relative\": fraction}");
    }

    private static double number(Object v, String name) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw ApiException.badRequest(name + " must be a number, got " + v);
    }

    private static long bytes(Object v) {
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float) && n.longValue() >= 0) {
            return n.longValue();
        }
        throw ApiException.badRequest("absolute must be a non-negative whole number of bytes, got " + v);
    }
}
