package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.Storable;
import io.mensajero.protocol.BasicProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * A published message: where it was published, its content header's properties as they came
 * on the wire, and its body. The broker forwards the raw property bytes unchanged unless it must
 * change a property, so header field types survive the trip exactly.
 */
public final class Message implements Storable {
    /** Bits of the first property-flags word (AMQP 0-9-1 basic class, high bit first). */
    public static final int FLAG_CONTENT_TYPE = 1 << 15;
    public static final int FLAG_CONTENT_ENCODING = 1 << 14;
    public static final int FLAG_HEADERS = 1 << 13;
    public static final int FLAG_DELIVERY_MODE = 1 << 12;
    public static final int FLAG_PRIORITY = 1 << 11;
    public static final int FLAG_REPLY_TO = 1 << 9;
    public static final int FLAG_EXPIRATION = 1 << 8;
    public static final int FLAG_USER_ID = 1 << 4;

    private final String exchange;
    private final String routingKey;
    private final byte[] rawProperties;
    private final byte[] body;
    private BasicProperties properties;
    private int holders;
    private EarlyConfirm confirm;
    private long confirmSeq;

    /** A publisher confirm that may go out before the fsync once the message is settled. */
    public interface EarlyConfirm {
        void settledBeforeSync(long seq);
    }

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

    @Override
    public String exchange() {
        return exchange;
    }

    @Override
    public String routingKey() {
        return routingKey;
    }

    @Override
    public byte[] rawProperties() {
        return rawProperties;
    }

    @Override
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

    /** Whether it was published persistent (delivery mode 2). */
    public boolean isPersistent() {
        if (!hasProperty(FLAG_DELIVERY_MODE)) {
            return false;
        }
        Integer mode = properties().deliveryMode();
        return mode != null && mode == 2;
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

    /**
     * Whether delivery_mode is 2 (persistent), read from the raw properties without decoding
     * them.
     */
    public boolean persistent() {
        if (!hasProperty(FLAG_DELIVERY_MODE)) {
            return false;
        }
        int at = afterHeaders();
        return at < rawProperties.length && rawProperties[at] == 2;
    }

    /** The priority property (0 to 255), or 0 when it is absent; read without decoding the properties. */
    public int priority() {
        if (!hasProperty(FLAG_PRIORITY)) {
            return 0;
        }
        int at = afterHeaders() + (hasProperty(FLAG_DELIVERY_MODE) ? 1 : 0);
        return at < rawProperties.length ? rawProperties[at] & 0xFF : 0;
    }

    /**
     * Where delivery_mode starts in the raw properties: content-type and content-encoding are
     * short strings, headers a long-string table, then the delivery_mode and priority octets.
     */
    private int afterHeaders() {
        int flags = ((rawProperties[0] & 0xFF) << 8) | (rawProperties[1] & 0xFF);
        int at = 2;
        for (int word = flags; (word & 1) != 0; at += 2) {
            word = ((rawProperties[at] & 0xFF) << 8) | (rawProperties[at + 1] & 0xFF);
        }
        if ((flags & FLAG_CONTENT_TYPE) != 0) {
            at += 1 + (rawProperties[at] & 0xFF);
        }
        if ((flags & FLAG_CONTENT_ENCODING) != 0) {
            at += 1 + (rawProperties[at] & 0xFF);
        }
        if ((flags & FLAG_HEADERS) != 0) {
            at += 4 + (((rawProperties[at] & 0xFF) << 24) | ((rawProperties[at + 1] & 0xFF) << 16)
                    | ((rawProperties[at + 2] & 0xFF) << 8) | (rawProperties[at + 3] & 0xFF));
        }
        return at;
    }

    /**
     * What this message costs on the heap while a queue holds it in memory: its object, its
     * strings and arrays with their headers, its body and properties, one queue entry and the
     * store's task while it waits to be written: about 200 bytes on a 64-bit JVM with compressed
     * references, plus the variable parts (checked against a heap measurement in
     * docs/benchmarks.md).
     */
    public long heapCost() {
        return 200L + body.length + rawProperties.length + exchange.length() + routingKey.length();
    }

    /**
     * Its publisher confirm waits for the store; if the one queue that holds it settles it first
     * (a consumer acked it), the confirm need not wait, as in RabbitMQ: nothing is left to lose.
     */
    public void awaitingConfirm(EarlyConfirm target, long seq) {
        this.confirm = target;
        this.confirmSeq = seq;
    }

    void settled() {
        EarlyConfirm c = confirm;
        if (c != null) {
            confirm = null;
            c.settledBeforeSync(confirmSeq);
        }
    }

    /** Counts this message in the gauge the first time any queue holds it. */
    void hold(MemoryGauge gauge) {
        if (holders++ == 0) {
            gauge.add(heapCost());
        }
    }

    /** Uncounts it when the last queue lets it go. */
    void release(MemoryGauge gauge) {
        if (--holders == 0) {
            gauge.add(-heapCost());
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
