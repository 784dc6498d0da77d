package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.auth.PasswordHashing;
import io.mensajero.broker.internal.auth.SecurityDefinitions;
import io.mensajero.broker.internal.auth.SecurityModel;
import io.mensajero.broker.internal.auth.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/users}, {@code /api/users/{name}}, {@code /api/users/without-permissions},
 * {@code /api/users/bulk-delete}, {@code /api/whoami}. Administrators only (whoami: anyone who
 * may log in). Passwords are hashed at once; only hashes are shown or stored.
 */
final class UsersResource {
    private final BrokerBridge bridge;

    UsersResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/whoami", this::whoami)
                .get("/api/users", this::list)
                .get("/api/users/without-permissions", this::withoutPermissions)
                .post("/api/users/bulk-delete", this::bulkDelete)
                .get("/api/users/{name}", this::get)
                .put("/api/users/{name}", this::put)
                .delete("/api/users/{name}", this::delete);
    }

    private CompletableFuture<ApiResponse> whoami(ApiRequest r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", r.user().name());
        m.put("tags", r.user().tags());
        return CompletableFuture.completedFuture(ApiResponse.ok(m));
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r) {
        r.requireAdministrator();
        List<Map<String, Object>> users = new ArrayList<>();
        for (User u : Authz.model(bridge).users()) {
            users.add(SecurityDefinitions.user(u));
        }
        return CompletableFuture.completedFuture(Listing.reply(r, users, "name"));
    }

    private CompletableFuture<ApiResponse> withoutPermissions(ApiRequest r) {
        r.requireAdministrator();
        SecurityModel m = Authz.model(bridge);
        List<Map<String, Object>> users = new ArrayList<>();
        for (User u : m.users()) {
            if (m.permissions().stream().noneMatch(p -> p.user().equals(u.name()))) {
                users.add(SecurityDefinitions.user(u));
            }
        }
        return CompletableFuture.completedFuture(Listing.reply(r, users, "name"));
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        r.requireAdministrator();
        User u = Authz.model(bridge).user(r.param("name"));
        if (u == null) {
            throw ApiException.notFound();
        }
        return CompletableFuture.completedFuture(ApiResponse.ok(SecurityDefinitions.user(u)));
    }

    /**
     * Creates or updates a user as RabbitMQ does: {@code tags} is required; {@code password} is
     * hashed here, {@code password_hash} (with {@code hashing_algorithm}) is taken as it is; a new
     * user without either gets a password no one knows, an existing one loses its password.
     */
    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        r.requireAdministrator();
        String name = r.param("name");
        Map<String, Object> body = r.jsonObject();
        if (!body.containsKey("tags")) {
            throw ApiException.badRequest("tags_not_present");
        }
        List<String> tags = SecurityDefinitions.tags(body.get("tags"));
        boolean exists = Authz.model(bridge).user(name) != null;
        User user;
        if (body.get("password") != null) {
            user = User.withPassword(name, String.valueOf(body.get("password")), tags);
        } else if (body.get("password_hash") != null) {
            String hash = String.valueOf(body.get("password_hash"));
            String algorithm = body.get("hashing_algorithm") == null ? PasswordHashing.SHA256
                    : String.valueOf(body.get("hashing_algorithm"));
            if (!PasswordHashing.known(algorithm)) {
                throw ApiException.badRequest("unknown hashing algorithm: " + algorithm);
            }
            if (!PasswordHashing.wellFormed(hash)) {
                throw ApiException.badRequest("invalid password_hash: not a salted hash in base64");
            }
            user = new User(name, hash, algorithm, tags, Map.of());
        } else {
            user = new User(name, exists ? "" : PasswordHashing.unusable(), PasswordHashing.SHA256, tags, Map.of());
        }
        User created = user;
        return bridge.call(r, b -> {
            boolean isNew = b.access().model().user(name) == null;
            b.access().putUser(created);
            return ApiResponse.createdOrUpdated(isNew);
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        r.requireAdministrator();
        String name = r.param("name");
        return bridge.call(r, b -> {
            if (b.access().model().user(name) == null) {
                throw ApiException.notFound();
            }
            b.deleteUser(name);
            return ApiResponse.noContent();
        });
    }

    private CompletableFuture<ApiResponse> bulkDelete(ApiRequest r) {
        r.requireAdministrator();
        Object names = r.jsonObject().get("users");
        if (!(names instanceof List<?> list)) {
            throw ApiException.badRequest("[{key_missing,users}]");
        }
        return bridge.call(r, b -> {
            for (Object n : list) {
                if (b.access().model().user(String.valueOf(n)) != null) {
                    b.deleteUser(String.valueOf(n));
                }
            }
            return ApiResponse.noContent();
        });
    }
}
