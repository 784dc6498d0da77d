package io.mensajero.broker.internal.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Users, vhosts and permissions at one moment: an immutable value. Each change makes a new one,
 * so any thread (the management API's included) may read the current model without locks while
 * the broker loop alone replaces it.
 */
public final class SecurityModel {
    private record Key(String user, String vhost) {
    }

    private record TopicKey(String user, String vhost, String exchange) {
    }

    private final Map<String, User> users;
    private final Map<String, VhostInfo> vhosts;
    private final Map<Key, Permission> permissions;
    private final Map<TopicKey, TopicPermission> topicPermissions;

    private SecurityModel(Map<String, User> users, Map<String, VhostInfo> vhosts, Map<Key, Permission> permissions,
                          Map<TopicKey, TopicPermission> topicPermissions) {
        this.users = Collections.unmodifiableMap(users);
        this.vhosts = Collections.unmodifiableMap(vhosts);
        this.permissions = Collections.unmodifiableMap(permissions);
        this.topicPermissions = Collections.unmodifiableMap(topicPermissions);
    }

    public static SecurityModel empty() {
        return new SecurityModel(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** RabbitMQ's first start: guest/guest, administrator, with full permissions on vhost "/". */
    public static SecurityModel defaults() {
        return empty()
                .withVhost(new VhostInfo("/", "Default virtual host", List.of(), null, false))
                .withUser(User.withPassword("guest", "guest", List.of(User.ADMINISTRATOR)))
                .withPermission(Permission.full("guest", "/"));
    }

    // ---- reading ----

    public User user(String name) {
        return users.get(name);
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public VhostInfo vhost(String name) {
        return vhosts.get(name);
    }

    public List<VhostInfo> vhosts() {
        return List.copyOf(vhosts.values());
    }

    public Permission permission(String user, String vhost) {
        return permissions.get(new Key(user, vhost));
    }

    public List<Permission> permissions() {
        return List.copyOf(permissions.values());
    }

    public TopicPermission topicPermission(String user, String vhost, String exchange) {
        return topicPermissions.get(new TopicKey(user, vhost, exchange));
    }

    public List<TopicPermission> topicPermissions() {
        return List.copyOf(topicPermissions.values());
    }

    /** Whether the user may open connections to the vhost: it has permissions there, whatever they are. */
    public boolean canAccess(String user, String vhost) {
        return permissions.containsKey(new Key(user, vhost));
    }

    /** The vhosts a management API user sees: all for administrators and monitors, else those it may access. */
    public List<String> visibleVhosts(User user) {
        List<String> names = new ArrayList<>();
        for (String v : vhosts.keySet()) {
            if (user.isMonitor() || canAccess(user.name(), v)) {
                names.add(v);
            }
        }
        return names;
    }

    // ---- changing (each returns a new model) ----

    public SecurityModel withUser(User user) {
        Map<String, User> u = new LinkedHashMap<>(users);
        u.put(user.name(), user);
        return new SecurityModel(u, vhosts, permissions, topicPermissions);
    }

    /** Removes the user and every permission it had. */
    public SecurityModel withoutUser(String name) {
        Map<String, User> u = new LinkedHashMap<>(users);
        u.remove(name);
        Map<Key, Permission> p = new LinkedHashMap<>(permissions);
        p.keySet().removeIf(k -> k.user().equals(name));
        Map<TopicKey, TopicPermission> t = new LinkedHashMap<>(topicPermissions);
        t.keySet().removeIf(k -> k.user().equals(name));
        return new SecurityModel(u, vhosts, p, t);
    }

    public SecurityModel withVhost(VhostInfo vhost) {
        Map<String, VhostInfo> v = new LinkedHashMap<>(vhosts);
        v.put(vhost.name(), vhost);
        return new SecurityModel(users, v, permissions, topicPermissions);
    }

    /** Removes the vhost and every permission in it. */
    public SecurityModel withoutVhost(String name) {
        Map<String, VhostInfo> v = new LinkedHashMap<>(vhosts);
        v.remove(name);
        Map<Key, Permission> p = new LinkedHashMap<>(permissions);
        p.keySet().removeIf(k -> k.vhost().equals(name));
        Map<TopicKey, TopicPermission> t = new LinkedHashMap<>(topicPermissions);
        t.keySet().removeIf(k -> k.vhost().equals(name));
        return new SecurityModel(users, v, p, t);
    }

    public SecurityModel withPermission(Permission permission) {
        Map<Key, Permission> p = new LinkedHashMap<>(permissions);
        p.put(new Key(permission.user(), permission.vhost()), permission);
        return new SecurityModel(users, vhosts, p, topicPermissions);
    }

    public SecurityModel withoutPermission(String user, String vhost) {
        Map<Key, Permission> p = new LinkedHashMap<>(permissions);
        p.remove(new Key(user, vhost));
        return new SecurityModel(users, vhosts, p, topicPermissions);
    }

    public SecurityModel withTopicPermission(TopicPermission permission) {
        Map<TopicKey, TopicPermission> t = new LinkedHashMap<>(topicPermissions);
        t.put(new TopicKey(permission.user(), permission.vhost(), permission.exchange()), permission);
        return new SecurityModel(users, vhosts, permissions, t);
    }

    /** Removes the user's topic permissions in the vhost: on one exchange, or all when exchange is null. */
    public SecurityModel withoutTopicPermissions(String user, String vhost, String exchange) {
        Map<TopicKey, TopicPermission> t = new LinkedHashMap<>(topicPermissions);
        t.keySet().removeIf(k -> k.user().equals(user) && k.vhost().equals(vhost)
                && (exchange == null || Objects.equals(k.exchange(), exchange)));
        return new SecurityModel(users, vhosts, permissions, t);
    }
}
