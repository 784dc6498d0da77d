package io.mensajero.broker.internal.model;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A queue's consumers and which one gets the next message, as RabbitMQ chooses:
 * <ul>
 * <li>round-robin: a consumer that received a message goes to the back of the line;</li>
 * <li>consumer priorities (x-priority on basic.consume): only the consumers of the highest
 *     priority among those that can take a message now are served, in turns; a blocked consumer
 *     (prefetch full, socket busy) lets the next priority take;</li>
 * <li>single active consumer (x-single-active-consumer): only the earliest registered consumer
 *     gets messages; when it leaves, the next registered one takes over.</li>
 * </ul>
 */
final class ConsumerSelection implements Iterable<Consumer> {
    private final ArrayDeque<Consumer> consumers = new ArrayDeque<>();
    private final boolean singleActive;
    /** Consumers with a priority other than 0: while there are none, plain round-robin. */
    private int prioritized;

    ConsumerSelection(boolean singleActive) {
        this.singleActive = singleActive;
    }

    boolean singleActive() {
        return singleActive;
    }

    int size() {
        return consumers.size();
    }

    boolean isEmpty() {
        return consumers.isEmpty();
    }

    /** The earliest registered consumer still there in single-active mode; otherwise the next in line. */
    Consumer first() {
        return consumers.peekFirst();
    }

    void add(Consumer c) {
        consumers.addLast(c);
        if (c.priority() != 0) {
            prioritized++;
        }
    }

    boolean remove(Consumer c) {
        if (!consumers.remove(c)) {
            return false;
        }
        if (c.priority() != 0) {
            prioritized--;
        }
        return true;
    }

    void clear() {
        consumers.clear();
        prioritized = 0;
    }

    @Override
    public Iterator<Consumer> iterator() {
        return consumers.iterator();
    }

    /** The consumer that gets the next message, or null when none can take one now. */
    Consumer next() {
        if (consumers.isEmpty()) {
            return null;
        }
        if (singleActive) {
            Consumer active = consumers.peekFirst();
            return active.canTake() ? active : null;
        }
        boolean any = prioritized == 0;
        int best = Integer.MIN_VALUE;
        if (!any) {
            for (Consumer c : consumers) {
                if (c.priority() > best && c.canTake()) {
                    best = c.priority();
                }
            }
            if (best == Integer.MIN_VALUE) {
                return null;
            }
        }
        for (int i = consumers.size(); i > 0; i--) {
            Consumer c = consumers.pollFirst();
            consumers.addLast(c);
            if ((any || c.priority() == best) && c.canTake()) {
                return c;
            }
        }
        return null;
    }
}
