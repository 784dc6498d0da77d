package io.mensajero.cli.bench.model;

import io.mensajero.cli.Errors;
import io.mensajero.client.MensajeroException;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Which queues a run uses and how messages reach them, as PerfTest arranges them.
 * <ul>
 * <li><b>One routing key</b> (no {@code --queue-pattern}): every producer publishes with one routing
 * key ({@code -k}, else a random one). Each consumer declares its queue and binds it with that
 * key: the queue named by {@code -u} (so consumers share it), else a server-named queue of its
 * own (so each consumer gets every message).</li>
 * <li><b>A sequence</b> ({@code --queue-pattern perf-test-%d} from N to M): the queues are declared
 * up front, each bound with its own name as the key; producer i publishes to queue i mod n and
 * consumer i consumes from queue i mod n.</li>
 * </ul>
 */
public final class QueuePlan {
    private final List<String> sequence;
    private final String queue;
    private final String routingKey;

    private QueuePlan(List<String> sequence, String queue, String routingKey) {
        this.sequence = sequence;
        this.queue = queue;
        this.routingKey = routingKey;
    }

    /** One routing key ({@code null}: a random one); {@code queue} null means a server-named queue per consumer. */
    public static QueuePlan fixed(String queue, String routingKey) {
        return new QueuePlan(List.of(), queue, routingKey == null ? UUID.randomUUID().toString() : routingKey);
    }

    /**
     * The queues {@code String.format(pattern, i)} for i from {@code from} to {@code to}, inclusive.
     *
     * @throws MensajeroException (usage) when the range is empty or the pattern does not take one number
     */
    public static QueuePlan sequence(String pattern, int from, int to) {
        Objects.requireNonNull(pattern, "pattern");
        if (from > to) {
            throw Errors.usage("cmd.error.bench.patternRange", String.valueOf(from), String.valueOf(to));
        }
        List<String> names = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            String name;
            try {
                name = String.format(Locale.ROOT, pattern, i);
            } catch (IllegalFormatException e) {
                throw Errors.usage("cmd.error.bench.patternFormat", pattern, String.valueOf(e.getMessage()));
            }
            names.add(name);
        }
        if (names.size() > 1 && names.get(0).equals(names.get(1))) {
            throw Errors.usage("cmd.error.bench.patternSameName", pattern);
        }
        return new QueuePlan(List.copyOf(names), null, null);
    }

    public boolean isSequence() {
        return !sequence.isEmpty();
    }

    /** The queues of a sequence, in order (empty for one routing key). */
    public List<String> sequenceNames() {
        return sequence;
    }

    /** The queues the run declares before any consumer starts. */
    public List<String> declaredUpFront(int consumers) {
        if (isSequence()) {
            return sequence;
        }
        return consumers == 0 && queue != null ? List.of(queue) : List.of();
    }

    /** Whether each consumer declares (and binds) its own queue before consuming. */
    public boolean consumersDeclare() {
        return !isSequence();
    }

    /** The queue consumer {@code index} (from 0) consumes from; "" asks the broker for a name. */
    public String consumerQueue(int index) {
        return isSequence() ? sequence.get(index % sequence.size()) : (queue == null ? "" : queue);
    }

    /** The routing key producer {@code index} (from 0) publishes with. */
    public String producerRoutingKey(int index) {
        return isSequence() ? sequence.get(index % sequence.size()) : routingKey;
    }

    /** The key {@code queue} is bound with. */
    public String bindingKey(String queueName) {
        return isSequence() ? queueName : routingKey;
    }

    /** How the output names the queues: "perf-test-1..perf-test-10", "q", or "server-named, one per consumer". */
    public String describe() {
        if (isSequence()) {
            return sequence.size() == 1 ? sequence.get(0) : sequence.get(0) + " .. " + sequence.get(sequence.size() - 1)
                    + " (" + sequence.size() + " queues)";
        }
        return queue == null ? "server-named, one per consumer" : queue;
    }
}
