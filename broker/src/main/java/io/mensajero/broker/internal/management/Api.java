package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every route of the management API, each answered by one small resource class. */
final class Api {
    private Api() {
    }

    static Router routes(BrokerBridge bridge) {
        Router router = new Router();
        new Overview(bridge).register(router);
        new NodesResource(bridge).register(router);
        new UsersResource(bridge).register(router);
        new VhostsResource(bridge).register(router);
        new PermissionsResource(bridge).register(router);
        new QueuesResource(bridge).register(router);
        new ExchangesResource(bridge).register(router);
        new Messages(bridge).register(router);
        new BindingsResource(bridge).register(router);
        new ConnectionsResource(bridge).register(router);
        new DefinitionsResource(bridge).register(router);
        PoliciesResource.register(bridge, router);
        new MensajeroResource(bridge).register(router);
        router.get("/api/extensions", r -> java.util.concurrent.CompletableFuture.completedFuture(ApiResponse.ok(List.of())));
        router.get("/api/health/checks/alarms", r -> bridge.call(r, b -> b.gauge().alarm()).thenApply(alarm -> {
            if (!alarm) {
                return ApiResponse.ok(Map.of("status", "ok"));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "failed");
            m.put("reason", "resource alarm(s) in effect");
            m.put("alarms", List.of(Map.of("resource", "memory", "node", Overview.NODE)));
            return new ApiResponse(HttpResponseStatus.SERVICE_UNAVAILABLE, m, null, null, Map.of());
        }));
        return router;
    }
}
