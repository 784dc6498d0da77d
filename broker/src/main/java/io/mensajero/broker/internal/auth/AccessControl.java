package io.mensajero.broker.internal.auth;

import io.mensajero.broker.internal.definitions.DefinitionsStore;
import io.mensajero.protocol.FieldTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The broker's users, vhosts and permissions ({@link SecurityModel}), and logging in: the SASL
 * mechanisms PLAIN and AMQPLAIN for AMQP, passwords for the management API. As in RabbitMQ, the
 * users in {@code loopback_users} (guest by default) may log in from loopback addresses only.
 *
 * <p>Changes run on the broker loop and are written to the {@link DefinitionsStore}; the current
 * model is an immutable value that any thread may read.
 */
public final class AccessControl {
    public static final String MECHANISMS = "PLAIN AMQPLAIN";

    private final DefinitionsStore store;
    private final Set<String> loopbackUsers;
    private volatile SecurityModel model;

    /** Loads the model from the store; a store that has no users yet gets RabbitMQ's defaults. */
    public AccessControl(DefinitionsStore store, Set<String> loopbackUsers) {
        this.store = store;
        this.loopbackUsers = Set.copyOf(loopbackUsers);
        SecurityModel loaded = load(store);
        if (loaded.users().isEmpty() && loaded.vhosts().isEmpty()) {
            loaded = SecurityModel.defaults();
            this.model = SecurityModel.empty();
            loaded.vhosts().forEach(this::putVhost);
            loaded.users().forEach(this::putUser);
            loaded.permissions().forEach(this::putPermission);
        } else {
            this.model = loaded;
        }
    }

    private static SecurityModel load(DefinitionsStore store) {
        SecurityModel m = SecurityModel.empty();
        for (Map<String, Object> v : store.load("vhosts").values()) {
            m = m.withVhost(SecurityDefinitions.vhost(v));
        }
        for (Map<String, Object> u : store.load("users").values()) {
            m = m.withUser(SecurityDefinitions.user(u));
        }
        try {
            for (Map<String, Object> p : store.load("permissions").values()) {
                m = m.withPermission(SecurityDefinitions.permission(p));
            }
            for (Map<String, Object> p : store.load("topic_permissions").values()) {
                m = m.withTopicPermission(SecurityDefinitions.topicPermission(p));
            }
        } catch (Regex.Invalid e) {
            throw new IllegalStateException("stored permissions hold an invalid expression: " + e.pattern(), e);
        }
        return m;
    }

    public SecurityModel model() {
        return model;
    }

    /** Whether the SASL mechanism is one this broker offers. */
    public static boolean supports(String mechanism) {
        return mechanism.equals("PLAIN") || mechanism.equals("AMQPLAIN");
    }

    // ---- changes (broker loop) ----

    public void putUser(User user) {
        update(m -> m.withUser(user));
        store.put("users", key(user.name()), SecurityDefinitions.user(user));
    }

    public void deleteUser(String name) {
        SecurityModel before = model;
        update(m -> m.withoutUser(name));
        store.remove("users", key(name));
        before.permissions().stream().filter(p -> p.user().equals(name))
                .forEach(p -> store.remove("permissions", key(p.user(), p.vhost())));
        before.topicPermissions().stream().filter(p -> p.user().equals(name))
                .forEach(p -> store.remove("topic_permissions", key(p.user(), p.vhost(), p.exchange())));
    }

    public void putVhost(VhostInfo vhost) {
        update(m -> m.withVhost(vhost));
        store.put("vhosts", key(vhost.name()), SecurityDefinitions.vhost(vhost));
    }

    public void deleteVhost(String name) {
        SecurityModel before = model;
        update(m -> m.withoutVhost(name));
        store.remove("vhosts", key(name));
        before.permissions().stream().filter(p -> p.vhost().equals(name))
                .forEach(p -> store.remove("permissions", key(p.user(), p.vhost())));
        before.topicPermissions().stream().filter(p -> p.vhost().equals(name))
                .forEach(p -> store.remove("topic_permissions", key(p.user(), p.vhost(), p.exchange())));
    }

    public void putPermission(Permission p) {
        update(m -> m.withPermission(p));
        store.put("permissions", key(p.user(), p.vhost()), SecurityDefinitions.permission(p));
    }

    public void deletePermission(String user, String vhost) {
        update(m -> m.withoutPermission(user, vhost));
        store.remove("permissions", key(user, vhost));
    }

    public void putTopicPermission(TopicPermission p) {
        update(m -> m.withTopicPermission(p));
        store.put("topic_permissions", key(p.user(), p.vhost(), p.exchange()), SecurityDefinitions.topicPermission(p));
    }

    public void deleteTopicPermissions(String user, String vhost, String exchange) {
        SecurityModel before = model;
        update(m -> m.withoutTopicPermissions(user, vhost, exchange));
        before.topicPermissions().stream()
                .filter(p -> p.user().equals(user) && p.vhost().equals(vhost)
                        && (exchange == null || p.exchange().equals(exchange)))
                .forEach(p -> store.remove("topic_permissions", key(p.user(), p.vhost(), p.exchange())));
    }

    private void update(UnaryOperator<SecurityModel> change) {
        model = change.apply(model);
    }

    /** A store key made of names that may hold any character: each part percent-encoded, joined by '/'. */
    static String key(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(p, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    // ---- logging in ----

    /** Checks a connection.start-ok response; returns the user or says why not. */
    public User authenticate(String mechanism, byte[] response, SocketAddress peer) throws AuthenticationException {
        String[] credentials = switch (mechanism) {
            case "PLAIN" -> plain(response);
            case "AMQPLAIN" -> amqplain(response);
            default -> throw new AuthenticationException(mechanism, "unsupported mechanism " + mechanism);
        };
        if (credentials == null) {
            throw new AuthenticationException(mechanism, "malformed " + mechanism + " response");
        }
        return login(mechanism, credentials[0], credentials[1], peer);
    }

    /** Checks a user name and password (HTTP basic auth); returns the user or says why not. */
    public User login(String mechanism, String name, String password, SocketAddress peer)
            throws AuthenticationException {
        User user = model.user(name);
        if (user == null) {
            throw new AuthenticationException(mechanism, "user '" + name + "' does not exist");
        }
        if (!user.checkPassword(password)) {
            throw new AuthenticationException(mechanism, "invalid credentials for user '" + user.name() + "'");
        }
        if (loopbackUsers.contains(user.name()) && !isLoopback(peer)) {
            throw AuthenticationException.loopbackOnly(mechanism, user.name());
        }
        return user;
    }

    /** PLAIN: [authzid] NUL authcid NUL passwd. */
    private static String[] plain(byte[] response) {
        String s = new String(response, StandardCharsets.UTF_8);
        int first = s.indexOf('\0');
        int second = first < 0 ? -1 : s.indexOf('\0', first + 1);
        if (second < 0) {
            return null;
        }
        return new String[] {s.substring(first + 1, second), s.substring(second + 1)};
    }

    /** AMQPLAIN: the entries of a field table (without its length) holding LOGIN and PASSWORD. */
    private static String[] amqplain(byte[] response) {
        ByteBuf buf = Unpooled.buffer(response.length + 4);
        buf.writeInt(response.length).writeBytes(response);
        try {
            Map<String, Object> table = FieldTable.read(buf);
            Object login = table.get("LOGIN");
            Object password = table.get("PASSWORD");
            return login == null || password == null ? null : new String[] {login.toString(), password.toString()};
        } catch (RuntimeException e) {
            return null;
        } finally {
            buf.release();
        }
    }

    private static boolean isLoopback(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet) {
            InetAddress address = inet.getAddress();
            return address != null && address.isLoopbackAddress();
        }
        return false;
    }
}
