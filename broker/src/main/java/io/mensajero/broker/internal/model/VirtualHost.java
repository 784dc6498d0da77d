package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.arguments.ExchangeArguments;
import io.mensajero.broker.internal.arguments.PolicyRule;
import io.mensajero.broker.internal.arguments.QueueArguments;
import io.mensajero.broker.internal.arguments.QueueType;
import io.mensajero.broker.internal.arguments.StreamSettings;
import io.mensajero.broker.internal.store.DefinitionStore;
import io.mensajero.broker.internal.store.Store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A virtual host: its exchanges, queues and bindings, and the rules RabbitMQ applies when they
 * are declared, deleted, bound and used. The errors it throws carry RabbitMQ's reply codes and
 * texts. Confined to the broker thread.
 */
public final class VirtualHost {
    private final String name;
    private final MemoryGauge gauge;
    private final Timers timers;
    private final Deadlines deadlines;
    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
    private final Map<String, MessageQueue> queues = new LinkedHashMap<>();
    private final Map<BindingDestination, List<Binding>> bindingsTo = new HashMap<>();
    private final DefaultExchange defaultExchange;
    private final Store store;
    private final DurableDefinitions definitions;
    private final VhostPolicies policies = new VhostPolicies();

    public VirtualHost(String name, MemoryGauge gauge, Timers timers) {
        this(name, gauge, timers, null);
    }

    /** A vhost whose durable definitions and messages go to the store (null: kept in memory only). */
    public VirtualHost(String name, MemoryGauge gauge, Timers timers, Store store) {
        this.name = name;
        this.gauge = gauge;
        this.timers = timers;
        this.deadlines = new Deadlines(timers);
        this.store = store;
        this.definitions = new DurableDefinitions(this, store == null ? DefinitionStore.NONE : store.definitions());
        this.defaultExchange = new DefaultExchange(this);
        exchanges.put("", defaultExchange);
        for (String[] x : new String[][] {
                {"amq.direct", "direct"}, {"amq.fanout", "fanout"}, {"amq.topic", "topic"},
                {"amq.headers", "headers"}, {"amq.match", "headers"}}) {
            exchanges.put(x[0], ExchangeTypes.create(this, x[0], x[1], true, false, false, Map.of()));
        }
        exchanges.put("amq.rabbitmq.trace",
                ExchangeTypes.create(this, "amq.rabbitmq.trace", "topic", true, false, true, Map.of()));
    }

    public String name() {
        return name;
    }

    public MemoryGauge gauge() {
        return gauge;
    }

    public Timers timers() {
        return timers;
    }

    /** The queues' TTL and x-expires timers: one heap behind one loop timer. */
    Deadlines deadlines() {
        return deadlines;
    }

    /** The broker's store, or null when it keeps everything in memory. */
    public Store store() {
        return store;
    }

    DurableDefinitions definitions() {
        return definitions;
    }

    VhostPolicies policies() {
        return policies;
    }

    /**
     * The vhost's policies and operator policies, in the order they were set; they apply now to
     * every exchange and queue (and to those declared or recovered later).
     */
    public void policiesChanged(List<PolicyRule> policyRules, List<PolicyRule> operatorPolicyRules) {
        policies.update(policyRules, operatorPolicyRules, this);
    }

    /** Recovers durable exchanges, queues (with their messages) and bindings into the vhosts. */
    public static void recover(Store store, java.util.function.Function<String, VirtualHost> vhosts) {
        DurableDefinitions.recover(store.definitions(), vhosts);
    }

    /** A durable queue found in the definitions at start, with the messages its files hold. */
    void recoverQueue(String queueName, boolean autoDelete, Map<String, Object> arguments) {
        if (queues.containsKey(queueName)) {
            return;
        }
        if (QueueType.of(arguments) == QueueType.STREAM) {
            queues.put(queueName, new StreamQueue(this, queueName, arguments, store.durableStream(name, queueName, true,
                    StreamSettings.of(arguments).maxSegmentSizeBytes())));
            return;
        }
        queues.put(queueName, new MessageQueue(this, queueName, true, autoDelete, null, arguments,
                store.durableQueue(name, queueName, true)));
    }

    /** A clean stop: each queue notes what must come back redelivered and closes its files. */
    public void closeClean() {
        queues.values().forEach(MessageQueue::closeClean);
    }

    public Exchange lookupExchange(String exchangeName) {
        return exchanges.get(exchangeName);
    }

    public MessageQueue lookupQueue(String queueName) {
        return queues.get(queueName);
    }

    /** The exchanges, the default one first, in declaration order. */
    public Collection<Exchange> exchanges() {
        return java.util.Collections.unmodifiableCollection(exchanges.values());
    }

    /** The queues, in declaration order. */
    public Collection<MessageQueue> queues() {
        return java.util.Collections.unmodifiableCollection(queues.values());
    }

    /**
     * What a broker restart leaves (RabbitMQ's stop_app then start_app): non-durable exchanges and
     * queues go, with their bindings, and durable queues drop their transient messages.
     */
    public void dropNonDurable() {
        for (MessageQueue q : new ArrayList<>(queues.values())) {
            if (!q.durable()) {
                deleteQueue(q);
            } else {
                q.dropTransientMessages();
            }
        }
        for (Exchange x : new ArrayList<>(exchanges.values())) {
            if (!x.durable() && exchanges.get(x.name()) == x) {
                removeExchange(x);
            }
        }
    }

    /** RabbitMQ's "queue 'q' in vhost '/'" for a name that may not exist. */
    public String describe(String kind, String resourceName) {
        return kind + " '" + resourceName + "' in vhost '" + name + "'";
    }

    public Exchange exchangeOrDie(String exchangeName) {
        Exchange x = exchanges.get(exchangeName);
        if (x == null) {
            throw AmqpException.notFound("no %s", describe("exchange", exchangeName));
        }
        return x;
    }

    public MessageQueue queueOrDie(String queueName) {
        MessageQueue q = queues.get(queueName);
        if (q == null) {
            throw AmqpException.notFound("no %s", describe("queue", queueName));
        }
        return q;
    }

    /** The queue, if this connection may use it: it is not another connection's exclusive queue. */
    public MessageQueue queueForUse(String queueName, Object connection) {
        MessageQueue q = queueOrDie(queueName);
        checkExclusiveAccess(q, connection);
        return q;
    }

    static void checkExclusiveAccess(MessageQueue q, Object connection) {
        if (q.exclusive() && q.exclusiveOwner() != connection) {
            throw locked(q);
        }
    }

    private static AmqpException locked(MessageQueue q) {
        return AmqpException.resourceLocked("cannot obtain exclusive access to locked %s. It could be originally "
                + "declared on another connection or the exclusive property value does not match that of the "
                + "original declaration.", q.describe());
    }

    // ---- exchanges ----

    public Exchange declareExchange(String exchangeName, String type, boolean durable, boolean autoDelete,
                                    boolean internal, Map<String, Object> arguments) {
        ExchangeTypes.check(type);
        ResourceNames.checkNotDefault(exchangeName);
        Exchange x = exchanges.get(exchangeName);
        if (x == null) {
            ResourceNames.checkExchangeName(exchangeName);
            ExchangeArguments.validate(describe("exchange", exchangeName), arguments);
            x = ExchangeTypes.create(this, exchangeName, type, durable, autoDelete, internal, arguments);
            exchanges.put(exchangeName, x);
            definitions.exchangeAdded(x);
        }
        Equivalence.field(x, "type", x.type(), type);
        Equivalence.field(x, "durable", x.durable(), durable);
        Equivalence.field(x, "auto_delete", x.autoDelete(), autoDelete);
        Equivalence.field(x, "internal", x.internal(), internal);
        Equivalence.arguments(x, x.arguments(), arguments, Equivalence.EXCHANGE_ARGS);
        return x;
    }

    public Exchange declareExchangePassive(String exchangeName) {
        ResourceNames.checkNotDefault(exchangeName);
        return exchangeOrDie(exchangeName);
    }

    public void deleteExchange(String exchangeName, boolean ifUnused) {
        checkDeletable(exchangeName);
        Exchange x = exchanges.get(exchangeName);
        if (x == null) {
            return;
        }
        if (ifUnused && !x.bindings().isEmpty()) {
            throw AmqpException.preconditionFailed("%s in use", x.describe());
        }
        removeExchange(x);
    }

    /** When the vhost is deleted: its exchanges go, from the store too (its queues are deleted first). */
    public void deleteExchanges() {
        for (Exchange x : new ArrayList<>(exchanges.values())) {
            removeExchange(x);
        }
    }

    private void removeExchange(Exchange x) {
        exchanges.remove(x.name());
        definitions.exchangeRemoved(x);
        for (Binding b : new ArrayList<>(x.bindings())) {
            removeBinding(b, false);
        }
        removeBindingsTo(x);
    }

    /** The checks RabbitMQ makes on an exchange.delete before the permission check. */
    public void checkDeletable(String exchangeName) {
        ResourceNames.checkNotDefault(exchangeName);
        if (exchangeName.startsWith("amq.")) {
            throw AmqpException.accessRefused("deletion of system %s not allowed",
                    describe("exchange", exchangeName));
        }
    }


    // ---- queues ----

    /**
     * queue.declare (not passive): creates the queue, or checks that the existing one is
     * equivalent. The owner is the declaring connection when exclusive, else null.
     */
    public MessageQueue declareQueue(String queueName, boolean durable, boolean exclusive, boolean autoDelete,
                                     Map<String, Object> arguments, Object connection) {
        Object owner = exclusive ? connection : null;
        MessageQueue q = queues.get(queueName);
        if (q == null) {
            QueueArguments.validate(describe("queue", queueName), durable, exclusive, autoDelete, arguments);
            q = QueueType.of(arguments) == QueueType.STREAM ? new StreamQueue(this, queueName, arguments, null)
                    : new MessageQueue(this, queueName, durable, autoDelete, owner, arguments, null);
            queues.put(queueName, q);
            definitions.queueAdded(q);
            return q;
        }
        if (q.exclusiveOwner() != owner) {
            throw locked(q);
        }
        Equivalence.field(q, "durable", q.durable(), durable);
        Equivalence.field(q, "auto_delete", q.autoDelete(), autoDelete);
        Equivalence.arguments(q, q.arguments(), arguments, QueueType.of(q.arguments()).queueArguments());
        q.declaredAgain();
        return q;
    }

    /** queue.delete: returns how many ready messages went with it; a missing queue is not an error. */
    public int deleteQueue(String queueName, boolean ifUnused, boolean ifEmpty, Object connection) {
        MessageQueue q = queues.get(queueName);
        if (q == null) {
            return 0;
        }
        checkExclusiveAccess(q, connection);
        if (q instanceof StreamQueue) {
            return deleteQueue(q); // RabbitMQ deletes a stream whatever if-unused and if-empty say
        }
        if (ifUnused && q.consumerCount() > 0) {
            throw AmqpException.preconditionFailed("%s in use", q.describe());
        }
        if (ifEmpty && q.messageCount() > 0) {
            throw AmqpException.preconditionFailed("%s not empty", q.describe());
        }
        return deleteQueue(q);
    }

    /** Deletes a queue for whatever reason (delete, auto-delete, exclusive owner gone). */
    public int deleteQueue(MessageQueue q) {
        if (queues.get(q.name()) != q) {
            return 0;
        }
        queues.remove(q.name());
        definitions.queueRemoved(q);
        removeBindingsTo(q);
        return q.markDeleted();
    }

    // ---- bindings ----

    public void bind(String sourceName, BindingDestination destination, String routingKey,
                     Map<String, Object> arguments) {
        Exchange source = exchanges.get(sourceName);
        Binding b = new Binding(source, destination, routingKey, arguments);
        if (source instanceof HeadersExchange) {
            HeadersExchange.validateBinding(b.arguments());
        }
        if (!source.hasBinding(b)) {
            source.bind(b);
            bindingsTo.computeIfAbsent(destination, d -> new ArrayList<>(2)).add(b);
            definitions.bindingAdded(b);
        }
    }

    /**
     * Removes a binding. As in RabbitMQ, unbinding what is not bound (or not there at all) is not
     * an error, and only an existing binding to a queue is checked for exclusive access.
     */
    public void unbind(String sourceName, String destinationKind, String destinationName, String routingKey,
                       Map<String, Object> arguments, Object connection) {
        if (sourceName.isEmpty() || (destinationKind.equals("exchange") && destinationName.isEmpty())) {
            ResourceNames.checkNotDefault("");
        }
        Exchange source = exchanges.get(sourceName);
        BindingDestination destination = destinationKind.equals("exchange")
                ? exchanges.get(destinationName) : queues.get(destinationName);
        if (source == null || destination == null) {
            return;
        }
        Binding b = new Binding(source, destination, routingKey, arguments);
        if (!source.hasBinding(b)) {
            return;
        }
        if (destination instanceof MessageQueue q) {
            checkExclusiveAccess(q, connection);
        }
        removeBinding(b, true);
    }

    /**
     * Resolves the two ends of a binding as RabbitMQ does before binding or unbinding: neither may
     * be the default exchange, the source is looked up first, a queue destination must be usable
     * by this connection.
     */
    public BindingDestination bindingEnds(String sourceName, String destinationKind, String destinationName,
                                          Object connection) {
        if (sourceName.isEmpty() || (destinationKind.equals("exchange") && destinationName.isEmpty())) {
            ResourceNames.checkNotDefault("");
        }
        exchangeOrDie(sourceName);
        if (destinationKind.equals("exchange")) {
            return exchangeOrDie(destinationName);
        }
        return queueForUse(destinationName, connection);
    }

    private void removeBinding(Binding b, boolean autoDeleteSource) {
        if (!b.source().unbind(b)) {
            return;
        }
        definitions.bindingRemoved(b);
        List<Binding> to = bindingsTo.get(b.destination());
        if (to != null && to.remove(b) && to.isEmpty()) {
            bindingsTo.remove(b.destination());
        }
        if (autoDeleteSource) {
            maybeAutoDelete(b.source());
        }
    }

    private void removeBindingsTo(BindingDestination destination) {
        List<Binding> to = bindingsTo.remove(destination);
        if (to == null) {
            return;
        }
        Set<Exchange> sources = new LinkedHashSet<>();
        for (Binding b : to) {
            if (b.source().unbind(b)) {
                definitions.bindingRemoved(b);
            }
            sources.add(b.source());
        }
        sources.forEach(this::maybeAutoDelete);
    }

    private void maybeAutoDelete(Exchange x) {
        if (x.autoDelete() && x.bindings().isEmpty() && exchanges.get(x.name()) == x) {
            removeExchange(x);
        }
    }

    // ---- routing ----

    /**
     * The queues a message published to the exchange reaches ({@link Routing}): each once, by each
     * of its routing keys, through exchange-to-exchange bindings and alternate exchanges.
     */
    public Collection<MessageQueue> route(Exchange exchange, Message message) {
        return Routing.route(this, defaultExchange, exchange, message);
    }
}
