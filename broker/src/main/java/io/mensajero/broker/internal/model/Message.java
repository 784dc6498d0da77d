package io.mensajero.broker.internal.model;

import io.mensajero.protocol.BasicProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * A published message: where it was published, its content header's properties as they came
 * on the wire, and its body. The broker forwards the raw property bytes unchanged unless it must
 * change a property, so header field types survive the trip exactly.
 */
public final class Message {
    /** Bits of the first property-flags word (AMQP 0-9-1 basic class, high bit first). */
    public static final int FLAG_HEADERS = 1 << 13;
    public static final int FLAG_REPLY_TO = 1 << 9;
    public static final int FLAG_EXPIRATION = 1 << 8;
    public static final int FLAG_USER_ID = 1 << 4;

    private final String exchange;
    private final String routingKey;
    private final byte[] rawProperties;
    private final byte[] body;
    private BasicProperties properties;
    private int holders;

    public Message(String exchange, String routingKey, byte[] rawProperties, byte[] body) {
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.rawProperties = rawProperties;
        this.body = body;
    }

    public Message(String exchange, String routingKey, BasicProperties properties, byte[] body) {
        this(exchange, routingKey, properties.encode(), body);
        this.properties = properties;
    }

    public String exchange() {
        return exchange;
    }

    public String routingKey() {
        return routingKey;
    }

    public byte[] rawProperties() {
        return rawProperties;
    }

    public byte[] body() {
        return body;
    }

    /** The decoded properties, decoded on first use. */
    public BasicProperties properties() {
        BasicProperties p = properties;
        if (p == null) {
            p = BasicProperties.decode(rawProperties);
            properties = p;
        }
        return p;
    }

    /** Whether the first property-flags word has the given bit, without decoding. */
    public boolean hasProperty(int flag) {
        if (rawProperties.length < 2) {
            return false;
        }
        int flags = ((rawProperties[0] & 0xFF) << 8) | (rawProperties[1] & 0xFF);
        return (flags & flag) != 0;
    }

    /** The per-message TTL in milliseconds from the expiration property, or -1 when it has none. */
    public long ttl() {
        if (!hasProperty(FLAG_EXPIRATION)) {
            return -1;
        }
        try {
            return Long.parseLong(properties().expiration());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A copy with other properties (re-encoded) and the same body. */
    public Message withProperties(BasicProperties newProperties) {
        return new Message(exchange, routingKey, newProperties, body);
    }

    /** Counts this message in the gauge the first time any queue holds it. */
    void hold(MemoryGauge gauge) {
        if (holders++ == 0) {
            gauge.add(body.length);
        }
    }

    /** Uncounts it when the last queue lets it go. */
    void release(MemoryGauge gauge) {
        if (--holders == 0) {
            gauge.add(-body.length);
        }
    }

    // ---- sender-selected distribution (CC and BCC headers) ----

    private List<String> headerRoutes = List.of();

    /**
     * The routing keys it is routed by: its routing key, then those of its CC and BCC headers
     * (read at publish by {@code SenderSelected}; the BCC header itself is gone by then).
     */
    public List<String> routingKeys() {
        if (headerRoutes.isEmpty()) {
            return List.of(routingKey);
        }
        List<String> keys = new ArrayList<>(1 + headerRoutes.size());
        keys.add(routingKey);
        keys.addAll(headerRoutes);
        return keys;
    }

    /** Routes it by these keys too (from CC and BCC), beside its routing key. */
    public void routeAlsoBy(List<String> routes) {
        this.headerRoutes = List.copyOf(routes);
    }
}
