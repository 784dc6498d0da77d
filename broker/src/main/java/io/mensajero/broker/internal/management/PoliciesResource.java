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
 * access to the vhost. {@code /api/operator-policies/...} likewise, but one is read, set or cleared
 * by administrators only (listed like policies).
 * Validated with RabbitMQ's rules and messages, stored, and applied on the broker loop to the
 * vhost's queues and exchanges (the store tells the vhost).
 */
final class PoliciesResource {
    private final BrokerBridge bridge;
    private final Policies.Kind kind;

    private PoliciesResource(BrokerBridge bridge, Policies.Kind kind) {
        this.bridge = bridge;
        this.kind = kind;
    }

    /** Both resources: policies and operator policies. */
    static void register(BrokerBridge bridge, Router router) {
        new PoliciesResource(bridge, Policies.Kind.POLICY).register(router, "/api/policies");
        new PoliciesResource(bridge, Policies.Kind.OPERATOR_POLICY).register(router, "/api/operator-policies");
    }

    private void register(Router router, String base) {
        router.get(base, r -> list(r, Authz.scope(bridge, r)))
                .get(base + "/{vhost}", r -> list(r, Authz.scope(bridge, r)))
                .get(base + "/{vhost}/{name}", this::get)
                .put(base + "/{vhost}/{name}", this::put)
                .delete(base + "/{vhost}/{name}", this::delete);
    }

    private boolean operator() {
        return kind == Policies.Kind.OPERATOR_POLICY;
    }


    private Policies policies() {
        return operator() ? bridge.broker().operatorPolicies() : bridge.broker().policies();
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
        if (operator()) {
            r.requireAdministrator();
        }
        Authz.vhost(bridge, r, r.param("vhost"), true);
        Policy p = policies().get(r.param("vhost"), r.param("name"));
        if (p == null) {
            throw ApiException.notFound();
        }
        return CompletableFuture.completedFuture(ApiResponse.ok(p.toMap()));
    }

    private void requirePolicymaker(ApiRequest r) {
        if (operator()) {
            r.requireAdministrator();
        }
        Authz.vhost(bridge, r, r.param("vhost"), false);
        if (!r.user().isPolicymaker()) {
            throw ApiException.notAuthorised("User not authorised to access virtual host");
        }
    }

    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        requirePolicymaker(r);
        Policy policy;
        try {
            policy = Policies.parse(kind, r.param("vhost"), r.param("name"), r.jsonObject());
        } catch (Policies.Invalid e) {
            // RabbitMQ escapes < and > in a policy's reasons, not in an operator policy's
            throw operator() ? ApiException.badRequestAsIs(e.getMessage()) : ApiException.badRequest(e.getMessage());
        }
        return bridge.call(r, b -> {
            if (b.vhost(policy.vhost()) == null) {
                throw ApiException.notFound("vhost_not_found");
            }
            return ApiResponse.createdOrUpdated(policies().put(policy));
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        requirePolicymaker(r);
        return bridge.call(r, b -> {
            if (!policies().delete(r.param("vhost"), r.param("name"))) {
                throw ApiException.notFound();
            }
            return ApiResponse.noContent();
        });
    }
}
