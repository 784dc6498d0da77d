package io.mensajero.broker.internal.arguments;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy or operator policy of one vhost, as matching needs it: its name, the pattern matched
 * against queue and exchange names (anywhere in the name, as PCRE's unanchored match; anchor it with
 * ^ and $), what it applies to, its priority and its definition (keys without x-: max-length,
 * dead-letter-exchange, ...). Validating a policy and storing it are the management API's work;
 * this is only what it means.
 */
public record PolicyRule(String name, Pattern pattern, ApplyTo applyTo, int priority,
                         Map<String, Object> definition) {

    /** apply-to: which kind of resource a policy may match. */
    public enum ApplyTo {
        QUEUES("queues"), EXCHANGES("exchanges"), ALL("all");

        private final String value;

        ApplyTo(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static ApplyTo of(String value) {
            for (ApplyTo a : values()) {
                if (a.value.equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("apply-to '" + value + "' unrecognised; should be 'queues', "
                    + "'exchanges' or 'all'");
        }
    }

    public PolicyRule {
        definition = Map.copyOf(definition);
    }

    public static PolicyRule of(String name, String pattern, String applyTo, int priority,
                                Map<String, Object> definition) {
        return new PolicyRule(name, Pattern.compile(pattern), ApplyTo.of(applyTo), priority, definition);
    }

    /** Whether it may apply to a queue (queue true) or an exchange of this name, pattern and kind only. */
    public boolean matches(boolean queue, String resourceName) {
        boolean kind = applyTo == ApplyTo.ALL || applyTo == (queue ? ApplyTo.QUEUES : ApplyTo.EXCHANGES);
        return kind && pattern.matcher(resourceName).find();
    }
}
