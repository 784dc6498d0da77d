package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.ExchangeStats;
import io.mensajero.broker.internal.arguments.AppliedPolicy;
import io.mensajero.broker.internal.arguments.ExchangeArguments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An exchange: it routes each message to the destinations of the bindings that match it. The
 * subclasses are the exchange types; this class keeps the bindings whose source it is.
 */
public abstract sealed class Exchange implements BindingDestination
        permits DirectExchange, FanoutExchange, TopicExchange, HeadersExchange, DefaultExchange {
    private final VirtualHost vhost;
    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final boolean internal;
    private final Map<String, Object> arguments;
    private final List<Binding> bindings = new ArrayList<>();
    private final Counters stats = ExchangeStats.create();
    private AppliedPolicy policy;

    Exchange(VirtualHost vhost, String name, boolean durable, boolean autoDelete, boolean internal,
             Map<String, Object> arguments) {
        this.vhost = vhost;
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.internal = internal;
        this.arguments = arguments == null ? Map.of() : arguments;
        this.policy = vhost.policies().forExchange(name);
    }

    /** The type's name as clients declare it: direct, fanout, topic, headers. */
    public abstract String type();

    /**
     * Passes every destination whose binding matches the message (by each of its
     * {@link Message#routingKeys()}) to the sink, maybe twice.
     */
    abstract void route(Message message, Consumer<BindingDestination> sink);

    /** Indexes a new binding for routing. */
    abstract void addRoute(Binding binding);

    /** Removes a binding from the routing index. */
    abstract void removeRoute(Binding binding);

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "exchange";
    }

    @Override
    public VirtualHost vhost() {
        return vhost;
    }

    public boolean durable() {
        return durable;
    }

    public boolean autoDelete() {
        return autoDelete;
    }

    public boolean internal() {
        return internal;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    /** The management API's counters: publish_in, publish_out. */
    public Counters stats() {
        return stats;
    }

    /**
     * Takes the policy that applies to it now ({@link VhostPolicies}, when it is created and when
     * the vhost's policies change): what it reads is alternate-exchange.
     */
    void applyPolicy(AppliedPolicy applied) {
        this.policy = applied;
    }

    /** The policy and operator policy applied to it, and their definition. */
    public AppliedPolicy policy() {
        return policy;
    }

    /** Where messages it cannot route go: its alternate-exchange argument, else its policy's; or null. */
    public String alternateExchange() {
        return ExchangeArguments.alternateExchange(arguments, policy.definition());
    }

    /** The bindings whose source this exchange is. */
    public Collection<Binding> bindings() {
        return bindings;
    }

    boolean hasBinding(Binding binding) {
        return bindings.contains(binding);
    }

    void bind(Binding binding) {
        bindings.add(binding);
        addRoute(binding);
    }

    boolean unbind(Binding binding) {
        if (bindings.remove(binding)) {
            removeRoute(binding);
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return describe();
    }
}
