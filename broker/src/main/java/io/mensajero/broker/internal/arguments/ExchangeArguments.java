package io.mensajero.broker.internal.arguments;

import io.mensajero.broker.internal.AmqpException;

import java.util.Map;

/**
 * exchange.declare's arguments as RabbitMQ checks them when it creates an exchange: only
 * alternate-exchange is read, and it must be a string (it need not name an exchange that exists).
 * Every other argument is kept and ignored, as RabbitMQ ignores it.
 */
public final class ExchangeArguments {
    public static final String ALTERNATE_EXCHANGE = "alternate-exchange";

    private ExchangeArguments() {
    }

    /**
     * Checks a new exchange's arguments and returns its alternate exchange, or null.
     *
     * @param exchange how texts name the exchange: {@code exchange 'x' in vhost '/'}
     */
    public static String validate(String exchange, Map<String, Object> arguments) {
        if (arguments == null || !arguments.containsKey(ALTERNATE_EXCHANGE)) {
            return null;
        }
        Object ae = arguments.get(ALTERNATE_EXCHANGE);
        if (!FieldTypes.isText(ae)) {
            throw AmqpException.preconditionFailed("invalid type '%s' for arg '%s' in %s", FieldTypes.name(ae),
                    ALTERNATE_EXCHANGE, exchange);
        }
        return ae.toString();
    }

    /**
     * The alternate exchange in force: the argument's when the exchange was declared with one,
     * else the policy's (RabbitMQ's rule for alternate-exchange), else null.
     */
    public static String alternateExchange(Map<String, Object> arguments, Map<String, Object> policyDefinition) {
        Object ae = arguments == null ? null : arguments.get(ALTERNATE_EXCHANGE);
        if (FieldTypes.isText(ae)) {
            return ae.toString();
        }
        Object p = policyDefinition == null ? null : policyDefinition.get(ALTERNATE_EXCHANGE);
        return p == null ? null : p.toString();
    }
}
