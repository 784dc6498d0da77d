package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueEntry;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.ExchangeStats;
import io.mensajero.broker.internal.stats.MessageStats;
import io.mensajero.protocol.BasicProperties;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Messages through the API: {@code POST /api/queues/{vhost}/{name}/get} (take messages, then ack
 * or requeue them as {@code ackmode} says) and {@code POST /api/exchanges/{vhost}/{name}/publish}.
 * Both need the user's AMQP permissions (read on the queue, write on the exchange).
 */
final class Messages {
    private static final List<String> ACK_MODES = List.of("ack_requeue_true", "ack_requeue_false",
            "reject_requeue_true", "reject_requeue_false");

    private final BrokerBridge bridge;

    Messages(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.post("/api/queues/{vhost}/{name}/get", this::get)
                .post("/api/exchanges/{vhost}/{name}/publish", this::publish);
    }

    private record Got(Message message, boolean redelivered, int remaining) {
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = r.param("name");
        Map<String, Object> body = r.jsonObject();
        PermissionsResource.missing(body, "count", "ackmode", "encoding");
        String ackmode = String.valueOf(body.get("ackmode"));
        String encoding = String.valueOf(body.get("encoding"));
        if (!ACK_MODES.contains(ackmode)) {
            throw ApiException.badRequest("ackmode must be one of " + String.join(", ", ACK_MODES));
        }
        if (!encoding.equals("auto") && !encoding.equals("base64")) {
            throw ApiException.badRequest("Unsupported encoding: " + encoding);
        }
        int count = integer(body.get("count"), "count");
        Integer truncate = body.get("truncate") == null ? null : integer(body.get("truncate"), "truncate");
        boolean requeue = ackmode.endsWith("true");
        Authz.vhost(bridge, r, vhost, false);
        return bridge.call(r, b -> {
            MessageQueue q = QueuesResource.queue(b, vhost, name);
            try {
                UserOperations.queueForReading(q.vhost(), Authz.resources(b.access(), r, vhost), name, null);
            } catch (AmqpException e) {
                throw ApiException.notAuthorised(e.replyText());
            }
            try {
                return take(b, q, count, requeue);
            } catch (AmqpException e) {
                throw ApiException.badRequest(e.replyCode().code() + " " + e.getMessage()); // a stream's 540
            }
        }).thenApply(got -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Got g : got) {
                out.add(render(g, encoding, truncate));
            }
            return ApiResponse.ok(out);
        });
    }

    /** On the broker loop: takes up to {@code count} messages, then acks them or puts them back. */
    private static List<Got> take(BrokerContext b, MessageQueue q, int count, boolean requeue) {
        List<QueueEntry> taken = new ArrayList<>();
        List<Got> got = new ArrayList<>();
        Counters vhostStats = b.stats().vhostMessages(q.vhost().name());
        for (int i = 0; i < count; i++) {
            QueueEntry e = q.get(false);
            if (e == null) {
                break;
            }
            taken.add(e);
            got.add(new Got(e.message(), e.redelivered(), q.messageCount()));
            count(q, vhostStats, b, MessageStats.GET);
            if (e.redelivered()) {
                count(q, vhostStats, b, MessageStats.REDELIVER);
            }
        }
        if (requeue) {
            q.requeue(taken);
        } else {
            for (QueueEntry e : taken) {
                q.ack(e);
                count(q, vhostStats, b, MessageStats.ACK);
            }
        }
        return got;
    }

    private static void count(MessageQueue q, Counters vhost, BrokerContext b, int counter) {
        q.stats().inc(counter);
        vhost.inc(counter);
        b.stats().messages().inc(counter);
    }

    private static Map<String, Object> render(Got g, String encoding, Integer truncate) {
        Message m = g.message();
        byte[] body = m.body();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("payload_bytes", body.length);
        out.put("redelivered", g.redelivered());
        out.put("exchange", m.exchange());
        out.put("routing_key", m.routingKey());
        out.put("message_count", g.remaining());
        out.put("properties", properties(m.properties()));
        byte[] shown = truncate != null && truncate < body.length ? java.util.Arrays.copyOf(body, truncate) : body;
        String text = encoding.equals("auto") ? utf8(shown) : null;
        out.put("payload", text != null ? text : Base64.getEncoder().encodeToString(shown));
        out.put("payload_encoding", text != null ? "string" : "base64");
        return out;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The properties that are set, with RabbitMQ's names. */
    static Map<String, Object> properties(BasicProperties p) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "content_type", p.contentType());
        putIf(m, "content_encoding", p.contentEncoding());
        putIf(m, "priority", p.priority());
        putIf(m, "correlation_id", p.correlationId());
        putIf(m, "reply_to", p.replyTo());
        putIf(m, "expiration", p.expiration());
        putIf(m, "message_id", p.messageId());
        putIf(m, "timestamp", p.timestamp());
        putIf(m, "type", p.type());
        putIf(m, "user_id", p.userId());
        putIf(m, "app_id", p.appId());
        putIf(m, "cluster_id", p.clusterId());
        putIf(m, "delivery_mode", p.deliveryMode());
        if (p.headers() != null) {
            m.put("headers", Json.table(p.headers()));
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static int integer(Object value, String name) {
        if (value instanceof Number n && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw ApiException.badRequest(name + " must be a non-negative integer, got " + value);
    }

    // ---- publish ----

    private CompletableFuture<ApiResponse> publish(ApiRequest r) {
        String vhost = r.param("vhost");
        String exchange = r.param("name").equals("amq.default") ? "" : r.param("name");
        Map<String, Object> body = r.jsonObject();
        PermissionsResource.missing(body, "routing_key", "properties", "payload", "payload_encoding");
        String routingKey = String.valueOf(body.get("routing_key"));
        byte[] payload = payload(body);
        BasicProperties props = PublishProperties.from(body.get("properties"));
        Message message = new Message(exchange, routingKey, props, payload);
        Authz.vhost(bridge, r, vhost, false);
        String user = r.user().name();
        boolean impersonator = r.user().hasTag(io.mensajero.broker.internal.auth.User.IMPERSONATOR);
        return bridge.call(r, b -> {
            VirtualHost v = b.vhost(vhost);
            if (v == null) {
                throw ApiException.notFound();
            }
            try {
                Exchange x = UserOperations.exchangeForPublish(v, Authz.resources(b.access(), r, vhost), exchange,
                        routingKey);
                if (props.userId() != null && !props.userId().equals(user) && !impersonator) {
                    throw AmqpException.preconditionFailed(
                            "user_id property set to '%s' but authenticated user was '%s'", props.userId(), user);
                }
                x.stats().inc(ExchangeStats.PUBLISH_IN);
                b.stats().vhostMessages(vhost).inc(MessageStats.PUBLISH);
                b.stats().messages().inc(MessageStats.PUBLISH);
                boolean routed = UserOperations.route(v, x, message, null).queues() > 0;
                return ApiResponse.ok(Map.of("routed", routed));
            } catch (AmqpException e) {
                if (e.replyCode() == io.mensajero.protocol.ReplyCode.NOT_FOUND) {
                    throw ApiException.notFound();
                }
                throw ApiException.badRequest(e.replyCode().code() + " " + e.replyText());
            }
        });
    }

    private static byte[] payload(Map<String, Object> body) {
        String payload = String.valueOf(body.get("payload"));
        String encoding = String.valueOf(body.get("payload_encoding"));
        if (encoding.equals("string")) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
        if (encoding.equals("base64")) {
            try {
                return Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("payload is not valid base64");
            }
        }
        throw ApiException.badRequest("payload_encoding must be string or base64, got " + encoding);
    }
}
