package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.policy.Policies;
import io.mensajero.broker.internal.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/policies}, {@code /api/policies/{vhost}}, {@code /api/policies/{vhost}/{name}}:
 * listed for the vhosts a user sees; set and cleared by administrators and policymakers with
 * access to the vhost. Validated with RabbitMQ's rules and messages; stored (applying them is the
 * queues' business).
 */
final class PoliciesResource {
    private final BrokerBridge bridge;

    PoliciesResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/policies", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/policies/{vhost}", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/policies/{vhost}/{name}", this::get)
                .put("/api/policies/{vhost}/{name}", this::put)
                .delete("/api/policies/{vhost}/{name}", this::delete);
    }

    private Policies policies() {
        return bridge.broker().policies();
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r, List<String> vhosts) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Policy p : policies().all()) {
            if (vhosts.contains(p.vhost())) {
                items.add(p.toMap());
            }
        }
        return CompletableFuture.completedFuture(Listing.reply(r, items, "vhost", "name"));
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        Authz.vhost(bridge, r, r.param("vhost"), true);
        Policy p = policies().get(r.param("vhost"), r.param("name"));
        if (p == null) {
            throw ApiException.notFound();
        }
        return CompletableFuture.completedFuture(ApiResponse.ok(p.toMap()));
    }

    private void requirePolicymaker(ApiRequest r) {
        Authz.vhost(bridge, r, r.param("vhost"), false);
        if (!r.user().isPolicymaker()) {
            throw ApiException.notAuthorised("User not authorised to access virtual host");
        }
    }

    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        requirePolicymaker(r);
        Policy policy;
        try {
            policy = Policies.parse(r.param("vhost"), r.param("name"), r.jsonObject());
        } catch (Policies.Invalid e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return bridge.call(r, b -> {
            if (b.vhost(policy.vhost()) == null) {
                throw ApiException.notFound("vhost_not_found");
            }
            return ApiResponse.createdOrUpdated(b.policies().put(policy));
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        requirePolicymaker(r);
        return bridge.call(r, b -> {
            if (!b.policies().delete(r.param("vhost"), r.param("name"))) {
                throw ApiException.notFound();
            }
            return ApiResponse.noContent();
        });
    }
}
