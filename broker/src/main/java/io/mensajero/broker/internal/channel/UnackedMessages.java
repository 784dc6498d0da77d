package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/** The deliveries a channel has made and not yet had settled, in delivery-tag order. */
final class UnackedMessages {
    private final LinkedHashMap<Long, Unacked> byTag = new LinkedHashMap<>();

    void add(Unacked u) {
        byTag.put(u.deliveryTag(), u);
    }

    /** Puts back deliveries a rolled-back transaction had taken out (tags stay in order). */
    void restore(Collection<Unacked> taken) {
        List<Unacked> all = new ArrayList<>(byTag.values());
        all.addAll(taken);
        all.sort((a, b) -> Long.compare(a.deliveryTag(), b.deliveryTag()));
        byTag.clear();
        for (Unacked u : all) {
            byTag.put(u.deliveryTag(), u);
        }
    }

    int size() {
        return byTag.size();
    }

    /** The deliveries awaiting settlement, in tag order (a view). */
    Collection<Unacked> all() {
        return byTag.values();
    }

    /**
     * Takes out what an ack, nack or reject names: the one tag, or with multiple every tag up to
     * it (0 with multiple means all). An unknown tag is 406 "unknown delivery tag", as in RabbitMQ.
     */
    List<Unacked> take(long deliveryTag, boolean multiple) {
        if (multiple && deliveryTag == 0) {
            List<Unacked> all = new ArrayList<>(byTag.values());
            byTag.clear();
            return all;
        }
        if (!multiple) {
            Unacked u = byTag.remove(deliveryTag);
            if (u == null) {
                throw unknown(deliveryTag);
            }
            return List.of(u);
        }
        if (!byTag.containsKey(deliveryTag)) {
            throw unknown(deliveryTag);
        }
        List<Unacked> taken = new ArrayList<>();
        Iterator<Unacked> it = byTag.values().iterator();
        while (it.hasNext()) {
            Unacked u = it.next();
            if (u.deliveryTag() > deliveryTag) {
                break;
            }
            taken.add(u);
            it.remove();
        }
        return taken;
    }

    /** Takes out everything (channel closed, basic.recover). */
    List<Unacked> takeAll() {
        return take(0, true);
    }

    private static AmqpException unknown(long deliveryTag) {
        return AmqpException.preconditionFailed("unknown delivery tag %d", deliveryTag);
    }
}
