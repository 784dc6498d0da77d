package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.DefinitionStore;
import io.mensajero.protocol.FieldTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A vhost's durable exchanges, queues and bindings in the {@link DefinitionStore}, and their
 * recovery at start. Values follow RabbitMQ's definitions format (vhost, name, type, durable,
 * auto_delete, internal, source, destination, destination_type, routing_key), except that
 * arguments are the AMQP field table's octets in base64, so every value type survives exactly.
 * A binding is durable when both its ends are, as in RabbitMQ.
 */
final class DurableDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(DurableDefinitions.class);
    static final String EXCHANGE = "exchange";
    static final String QUEUE = "queue";
    static final String BINDING = "binding";

    private final VirtualHost vhost;
    private final DefinitionStore store;
    private boolean recovering;

    DurableDefinitions(VirtualHost vhost, DefinitionStore store) {
        this.vhost = vhost;
        this.store = store;
    }

    static boolean durable(BindingDestination d) {
        return d instanceof Exchange x ? x.durable() : ((MessageQueue) d).durable() && !((MessageQueue) d).exclusive();
    }

    void exchangeAdded(Exchange x) {
        if (x.durable() && !recovering) {
            Map<String, Object> v = base(x.name());
            v.put("type", x.type());
            v.put("durable", true);
            v.put("auto_delete", x.autoDelete());
            v.put("internal", x.internal());
            v.put("arguments", encode(x.arguments()));
            store.put(EXCHANGE, key(x.name()), v);
        }
    }

    void exchangeRemoved(Exchange x) {
        if (x.durable()) {
            store.remove(EXCHANGE, key(x.name()));
        }
    }

    void queueAdded(MessageQueue q) {
        if (durable(q) && !recovering) {
            Map<String, Object> v = base(q.name());
            v.put("durable", true);
            v.put("auto_delete", q.autoDelete());
            v.put("arguments", encode(q.arguments()));
            store.put(QUEUE, key(q.name()), v);
        }
    }

    void queueRemoved(MessageQueue q) {
        if (durable(q)) {
            store.remove(QUEUE, key(q.name()));
        }
    }

    void bindingAdded(Binding b) {
        if (durable(b.source()) && durable(b.destination()) && !recovering) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("vhost", vhost.name());
            v.put("source", b.source().name());
            v.put("destination", b.destination().name());
            v.put("destination_type", b.destination().kind());
            v.put("routing_key", b.routingKey());
            v.put("arguments", encode(b.arguments()));
            store.put(BINDING, bindingKey(b), v);
        }
    }

    void bindingRemoved(Binding b) {
        if (durable(b.source()) && durable(b.destination())) {
            store.remove(BINDING, bindingKey(b));
        }
    }

    private Map<String, Object> base(String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("vhost", vhost.name());
        v.put("name", name);
        return v;
    }

    private String key(String name) {
        return vhost.name() + "\u0000" + name;
    }

    private String bindingKey(Binding b) {
        return String.join("\u0000", vhost.name(), b.source().name(), b.destination().kind(),
                b.destination().name(), b.routingKey(), encode(b.arguments()));
    }

    private static String encode(Map<String, Object> table) {
        ByteBuf buf = Unpooled.buffer();
        FieldTable.write(table, buf);
        return Base64.getEncoder().encodeToString(ByteBufUtil.getBytes(buf));
    }

    private static Map<String, Object> decode(Object base64) {
        return FieldTable.read(Unpooled.wrappedBuffer(Base64.getDecoder().decode((String) base64)));
    }

    /**
     * Declares again, in each vhost, the durable exchanges, then the queues (with their messages
     * on disk), then the bindings that were stored. Definitions of an unknown vhost are skipped.
     */
    static void recover(DefinitionStore store, Function<String, VirtualHost> vhosts) {
        List<DefinitionStore.Definition> all = store.loadAll();
        for (String kind : List.of(EXCHANGE, QUEUE, BINDING)) {
            for (DefinitionStore.Definition d : all) {
                if (!d.kind().equals(kind)) {
                    continue;
                }
                Map<String, Object> v = d.value();
                VirtualHost vhost = vhosts.apply((String) v.get("vhost"));
                if (vhost == null) {
                    LOG.warn("{} {}: no vhost '{}', not recovered", kind, d.key(), v.get("vhost"));
                    continue;
                }
                vhost.definitions().recovering = true;
                try {
                    recoverOne(vhost, kind, v);
                } catch (RuntimeException e) {
                    LOG.warn("{} {} not recovered: {}", kind, v, e.toString());
                } finally {
                    vhost.definitions().recovering = false;
                }
            }
        }
    }

    private static void recoverOne(VirtualHost vhost, String kind, Map<String, Object> v) {
        Map<String, Object> args = decode(v.get("arguments"));
        switch (kind) {
            case EXCHANGE -> vhost.declareExchange((String) v.get("name"), (String) v.get("type"), true,
                    Boolean.TRUE.equals(v.get("auto_delete")), Boolean.TRUE.equals(v.get("internal")), args);
            case QUEUE -> vhost.recoverQueue((String) v.get("name"), Boolean.TRUE.equals(v.get("auto_delete")), args);
            default -> {
                String destination = (String) v.get("destination");
                BindingDestination d = "exchange".equals(v.get("destination_type"))
                        ? vhost.lookupExchange(destination) : vhost.lookupQueue(destination);
                if (d != null && vhost.lookupExchange((String) v.get("source")) != null) {
                    vhost.bind((String) v.get("source"), d, (String) v.get("routing_key"), args);
                }
            }
        }
    }
}
