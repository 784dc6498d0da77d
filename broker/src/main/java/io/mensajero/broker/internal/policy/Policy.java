package io.mensajero.broker.internal.policy;

import io.mensajero.broker.internal.arguments.PolicyRule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy as RabbitMQ stores it: in a vhost, a name, a pattern matched against queue and
 * exchange names, what it applies to (queues, exchanges or all), a definition (the x-arguments it
 * sets, without the x-) and a priority. Stored here; matched as issue 10's {@link PolicyRule}
 * (see {@link #rule()}) and applied by each vhost (model.VirtualHost#policiesChanged).
 */
public record Policy(String vhost, String name, String pattern, String applyTo, Map<String, Object> definition,
                     int priority, Pattern compiled) {

    /** What issue 10's policy model matches: the same pattern, apply-to, priority and definition. */
    public PolicyRule rule() {
        return new PolicyRule(name, compiled, PolicyRule.ApplyTo.of(applyTo), priority, definition);
    }

    /** An operator policy as RabbitMQ's definitions files write it: a runtime parameter of component operator_policy. */
    public Map<String, Object> toParameter() {
        Map<String, Object> value = toMap();
        value.remove("vhost");
        value.remove("name");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("vhost", vhost);
        m.put("component", "operator_policy");
        m.put("name", name);
        return m;
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
