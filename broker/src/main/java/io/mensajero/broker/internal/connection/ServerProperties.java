package io.mensajero.broker.internal.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/** What connection.start tells clients about this broker, RabbitMQ capabilities included. */
final class ServerProperties {
    static final String PRODUCT = "Mensajero";
    static final String VERSION = versionOf();

    private ServerProperties() {
    }

    /** Only what is implemented is advertised. */
    static Map<String, Object> capabilities() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("publisher_confirms", true);
        c.put("exchange_exchange_bindings", true);
        c.put("basic.nack", true);
        c.put("consumer_cancel_notify", true);
        c.put("connection.blocked", true);
        c.put("authentication_failure_close", true);
        c.put("per_consumer_qos", true);
        c.put("direct_reply_to", true);
        return c;
    }

    static Map<String, Object> table(String clusterName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("capabilities", capabilities());
        p.put("cluster_name", clusterName);
        p.put("copyright", "Copyright (c) Mensajero contributors");
        p.put("information", "A RabbitMQ-compatible AMQP 0-9-1 broker in pure Java");
        p.put("platform", "Java " + Runtime.version().feature());
        p.put("product", PRODUCT);
        p.put("version", VERSION);
        return p;
    }

    private static String versionOf() {
        String v = ServerProperties.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
