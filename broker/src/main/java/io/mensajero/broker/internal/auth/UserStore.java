package io.mensajero.broker.internal.auth;

import io.mensajero.protocol.FieldTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's users and the SASL mechanisms they log in with: PLAIN and AMQPLAIN. As in
 * RabbitMQ, the user guest/guest exists by default and may log in from loopback addresses only.
 */
public final class UserStore {
    public static final String MECHANISMS = "PLAIN AMQPLAIN";

    private final Map<String, User> users = new ConcurrentHashMap<>();

    public UserStore() {
        put(new User("guest", "guest", Set.of("administrator"), true));
    }

    /** Whether the SASL mechanism is one this broker offers. */
    public static boolean supports(String mechanism) {
        return mechanism.equals("PLAIN") || mechanism.equals("AMQPLAIN");
    }

    public void put(User user) {
        users.put(user.name(), user);
    }

    public User lookup(String name) {
        return users.get(name);
    }

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
        User user = users.get(credentials[0]);
        if (user == null) {
            throw new AuthenticationException(mechanism, "user '" + credentials[0] + "' does not exist");
        }
        if (!MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8),
                credentials[1].getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationException(mechanism, "invalid credentials for user '" + user.name() + "'");
        }
        if (user.loopbackOnly() && !isLoopback(peer)) {
            throw new AuthenticationException(mechanism,
                    "user '" + user.name() + "' can only connect via localhost");
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
