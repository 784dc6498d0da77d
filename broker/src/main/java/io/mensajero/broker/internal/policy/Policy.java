package io.mensajero.broker.internal.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy as RabbitMQ stores it: in a vhost, a name, a pattern matched against queue and
 * exchange names, what it applies to (queues, exchanges or all), a definition (the x-arguments it
 * sets, without the x-) and a priority. Stored and matched here; applying the definitions to
 * queues is the x-arguments' work.
 */
public record Policy(String vhost, String name, String pattern, String applyTo, Map<String, Object> definition,
                     int priority, Pattern compiled) {

    /** Whether it applies to the resource: the kind fits apply-to and the pattern matches the name. */
    public boolean appliesTo(String kind, String resourceName) {
        boolean kindFits = applyTo.equals("all") || (applyTo.equals("queues") && kind.equals("queue"))
                || (applyTo.equals("exchanges") && kind.equals("exchange"));
        return kindFits && compiled.matcher(resourceName).find();
    }

    /** As RabbitMQ's API and definitions files write it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vhost", vhost);
        m.put("name", name);
        m.put("pattern", pattern);
        m.put("apply-to", applyTo);
        m.put("definition", definition);
        m.put("priority", priority);
        return m;
    }
}
