package io.mensajero.broker.internal.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users, vhosts and permissions as RabbitMQ's definitions file writes them (the objects of
 * {@code GET /api/definitions}), and back. A value that cannot be read is an
 * {@link IllegalArgumentException} whose message says which and why.
 */
public final class SecurityDefinitions {
    private SecurityDefinitions() {
    }

    public static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("password_hash", u.passwordHash());
        m.put("hashing_algorithm", u.hashingAlgorithm());
        m.put("tags", u.tags());
        m.put("limits", u.limits());
        return m;
    }

    /** A user from definitions: with {@code password_hash} (and its algorithm) or a clear {@code password}. */
    public static User user(Map<String, Object> m) {
        String name = string(m, "name", null);
        if (name == null) {
            throw new IllegalArgumentException("user without a name");
        }
        List<String> tags = tags(m.get("tags"));
        Map<String, Object> limits = m.get("limits") instanceof Map<?, ?> l ? stringKeys(l) : Map.of();
        if (m.get("password") instanceof String password) {
            return new User(name, PasswordHashing.hash(password), PasswordHashing.SHA256, tags, limits);
        }
        String hash = string(m, "password_hash", "");
        String algorithm = string(m, "hashing_algorithm", PasswordHashing.SHA256);
        if (!PasswordHashing.known(algorithm)) {
            throw new IllegalArgumentException("unknown hashing algorithm '" + algorithm + "' for user '" + name + "'");
        }
        if (!PasswordHashing.wellFormed(hash)) {
            throw new IllegalArgumentException("password_hash of user '" + name + "' is not a RabbitMQ password hash");
        }
        return new User(name, hash, algorithm, tags, limits);
    }

    /** Tags as RabbitMQ takes them: a list, or one string with commas between tags. */
    public static List<String> tags(Object value) {
        List<String> tags = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                addTag(tags, String.valueOf(o));
            }
        } else if (value instanceof String s) {
            for (String t : s.split(",")) {
                addTag(tags, t);
            }
        }
        return tags;
    }

    private static void addTag(List<String> tags, String tag) {
        String t = tag.trim();
        if (!t.isEmpty() && !tags.contains(t)) {
            tags.add(t);
        }
    }

    public static Map<String, Object> vhost(VhostInfo v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("description", v.description());
        m.put("tags", v.tags());
        m.put("default_queue_type", v.defaultQueueType());
        m.put("tracing", v.tracing());
        return m;
    }

    public static VhostInfo vhost(Map<String, Object> m) {
        String name = string(m, "name", null);
        if (name == null) {
            throw new IllegalArgumentException("vhost without a name");
        }
        Map<?, ?> metadata = m.get("metadata") instanceof Map<?, ?> md ? md : Map.of();
        Object description = m.containsKey("description") ? m.get("description") : metadata.get("description");
        Object tags = m.containsKey("tags") ? m.get("tags") : metadata.get("tags");
        Object type = m.get("default_queue_type");
        return new VhostInfo(name, description == null ? "" : description.toString(), tags(tags),
                type == null || "undefined".equals(type) ? null : type.toString(),
                Boolean.TRUE.equals(m.get("tracing")));
    }

    public static Map<String, Object> permission(Permission p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", p.user());
        m.put("vhost", p.vhost());
        m.put("configure", p.configure());
        m.put("write", p.write());
        m.put("read", p.read());
        return m;
    }

    public static Permission permission(Map<String, Object> m) throws Regex.Invalid {
        return Permission.of(required(m, "user"), required(m, "vhost"), required(m, "configure"),
                required(m, "write"), required(m, "read"));
    }

    public static Map<String, Object> topicPermission(TopicPermission p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", p.user());
        m.put("vhost", p.vhost());
        m.put("exchange", p.exchange());
        m.put("write", p.write());
        m.put("read", p.read());
        return m;
    }

    public static TopicPermission topicPermission(Map<String, Object> m) throws Regex.Invalid {
        return TopicPermission.of(required(m, "user"), required(m, "vhost"), required(m, "exchange"),
                required(m, "write"), required(m, "read"));
    }

    static String required(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("key_missing " + key);
        }
        return v.toString();
    }

    private static String string(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : v.toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
