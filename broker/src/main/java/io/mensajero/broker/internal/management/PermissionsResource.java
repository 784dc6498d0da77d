package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.auth.Permission;
import io.mensajero.broker.internal.auth.Regex;
import io.mensajero.broker.internal.auth.SecurityDefinitions;
import io.mensajero.broker.internal.auth.SecurityModel;
import io.mensajero.broker.internal.auth.TopicPermission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Permissions and topic permissions: {@code /api/permissions}, {@code /api/permissions/{vhost}/{user}},
 * {@code /api/users/{user}/permissions}, {@code /api/vhosts/{vhost}/permissions}, and the same for
 * {@code topic-permissions}. Administrators only. An invalid regular expression is 400 with
 * RabbitMQ's reason.
 */
final class PermissionsResource {
    private final BrokerBridge bridge;

    PermissionsResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/permissions", r -> list(r, p -> true))
                .get("/api/permissions/{vhost}/{user}", this::get)
                .put("/api/permissions/{vhost}/{user}", this::put)
                .delete("/api/permissions/{vhost}/{user}", this::delete)
                .get("/api/users/{user}/permissions", r -> {
                    requireUser(r);
                    return list(r, p -> p.user().equals(r.param("user")));
                })
                .get("/api/vhosts/{vhost}/permissions", r -> {
                    requireVhost(r);
                    return list(r, p -> p.vhost().equals(r.param("vhost")));
                })
                .get("/api/topic-permissions", r -> topicList(r, p -> true))
                .get("/api/topic-permissions/{vhost}/{user}", this::topicGet)
                .put("/api/topic-permissions/{vhost}/{user}", this::topicPut)
                .delete("/api/topic-permissions/{vhost}/{user}", this::topicDelete)
                .get("/api/users/{user}/topic-permissions", r -> {
                    requireUser(r);
                    return topicList(r, p -> p.user().equals(r.param("user")));
                })
                .get("/api/vhosts/{vhost}/topic-permissions", r -> {
                    requireVhost(r);
                    return topicList(r, p -> p.vhost().equals(r.param("vhost")));
                });
    }

    private void requireUser(ApiRequest r) {
        r.requireAdministrator();
        if (Authz.model(bridge).user(r.param("user")) == null) {
            throw ApiException.notFound();
        }
    }

    private void requireVhost(ApiRequest r) {
        r.requireAdministrator();
        if (Authz.model(bridge).vhost(r.param("vhost")) == null) {
            throw ApiException.notFound();
        }
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r, Predicate<Permission> which) {
        r.requireAdministrator();
        List<Map<String, Object>> items = Authz.model(bridge).permissions().stream().filter(which)
                .map(SecurityDefinitions::permission).collect(Collectors.toCollection(ArrayList::new));
        return CompletableFuture.completedFuture(Listing.reply(r, items, "vhost", "user"));
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        r.requireAdministrator();
        Permission p = Authz.model(bridge).permission(r.param("user"), r.param("vhost"));
        if (p == null) {
            throw ApiException.notFound();
        }
        return CompletableFuture.completedFuture(ApiResponse.ok(SecurityDefinitions.permission(p)));
    }

    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        return set(r, new String[] {"configure", "write", "read"}, (user, vhost, body) -> {
            Permission p = Permission.of(user, vhost, body.get("configure"), body.get("write"), body.get("read"));
            return b -> {
                boolean created = b.access().model().permission(user, vhost) == null;
                b.access().putPermission(p);
                return created;
            };
        });
    }

    /** What a PUT of permissions sets, once its body is read: applied on the broker loop, true when new. */
    private interface Setting {
        java.util.function.Function<io.mensajero.broker.internal.BrokerContext, Boolean> read(
                String user, String vhost, Map<String, String> body) throws Regex.Invalid;
    }

    /**
     * A PUT of permissions or topic permissions: administrators only, the keys present (400
     * [{key_missing,k}]), the expressions valid (400 invalid_regexp), the user and vhost existing
     * (400 vhost_or_user_not_found); 201 when new, 204 when replaced.
     */
    private CompletableFuture<ApiResponse> set(ApiRequest r, String[] keys, Setting setting) {
        r.requireAdministrator();
        String user = r.param("user");
        String vhost = r.param("vhost");
        Map<String, Object> body = r.jsonObject();
        missing(body, keys);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String k : keys) {
            values.put(k, String.valueOf(body.get(k)));
        }
        java.util.function.Function<io.mensajero.broker.internal.BrokerContext, Boolean> apply;
        try {
            apply = setting.read(user, vhost, values);
        } catch (Regex.Invalid e) {
            throw invalidRegex(e);
        }
        return bridge.call(r, b -> {
            SecurityModel m = b.access().model();
            if (m.user(user) == null || m.vhost(vhost) == null) {
                throw ApiException.badRequest("vhost_or_user_not_found");
            }
            return ApiResponse.createdOrUpdated(apply.apply(b));
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        r.requireAdministrator();
        String user = r.param("user");
        String vhost = r.param("vhost");
        return bridge.call(r, b -> {
            if (b.access().model().permission(user, vhost) == null) {
                throw ApiException.notFound();
            }
            b.access().deletePermission(user, vhost);
            return ApiResponse.noContent();
        });
    }

    /** RabbitMQ's reason for an invalid expression: ["invalid_regexp", pattern, [description, offset]] as char lists. */
    static ApiException invalidRegex(Regex.Invalid e) {
        return ApiException.badRequest(List.of("invalid_regexp", codes(e.pattern()),
                List.of(codes(e.description()), e.offset())));
    }

    private static List<Integer> codes(String s) {
        return s.codePoints().boxed().collect(Collectors.toList());
    }

    /** RabbitMQ's 400 for missing keys: "[{key_missing,write},{key_missing,read}]". */
    static void missing(Map<String, Object> body, String... keys) {
        List<String> absent = new ArrayList<>();
        for (String k : keys) {
            if (!body.containsKey(k)) {
                absent.add("{key_missing," + k + "}");
            }
        }
        if (!absent.isEmpty()) {
            throw ApiException.badRequest("[" + String.join(",", absent) + "]");
        }
    }

    // ---- topic permissions ----

    private CompletableFuture<ApiResponse> topicList(ApiRequest r, Predicate<TopicPermission> which) {
        r.requireAdministrator();
        List<Map<String, Object>> items = Authz.model(bridge).topicPermissions().stream().filter(which)
                .map(SecurityDefinitions::topicPermission).collect(Collectors.toCollection(ArrayList::new));
        return CompletableFuture.completedFuture(Listing.reply(r, items, "vhost", "user"));
    }

    private CompletableFuture<ApiResponse> topicGet(ApiRequest r) {
        r.requireAdministrator();
        List<Map<String, Object>> items = Authz.model(bridge).topicPermissions().stream()
                .filter(p -> p.user().equals(r.param("user")) && p.vhost().equals(r.param("vhost")))
                .map(SecurityDefinitions::topicPermission).collect(Collectors.toCollection(ArrayList::new));
        if (items.isEmpty()) {
            throw ApiException.notFound();
        }
        return CompletableFuture.completedFuture(ApiResponse.ok(items));
    }

    private CompletableFuture<ApiResponse> topicPut(ApiRequest r) {
        return set(r, new String[] {"exchange", "write", "read"}, (user, vhost, body) -> {
            TopicPermission p = TopicPermission.of(user, vhost, body.get("exchange"), body.get("write"), body.get("read"));
            return b -> {
                boolean created = b.access().model().topicPermission(user, vhost, p.exchange()) == null;
                b.access().putTopicPermission(p);
                return created;
            };
        });
    }

    private CompletableFuture<ApiResponse> topicDelete(ApiRequest r) {
        r.requireAdministrator();
        String user = r.param("user");
        String vhost = r.param("vhost");
        return bridge.call(r, b -> {
            boolean any = b.access().model().topicPermissions().stream()
                    .anyMatch(p -> p.user().equals(user) && p.vhost().equals(vhost));
            if (!any) {
                throw ApiException.notFound();
            }
            b.access().deleteTopicPermissions(user, vhost, null);
            return ApiResponse.noContent();
        });
    }
}
