package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.protocol.Tx;

import java.util.ArrayList;
import java.util.List;

/**
 * tx.select, commit and rollback. In a transaction, publishes and acks/nacks/rejects are held
 * until commit; rollback drops the publishes and puts the acked deliveries back as unacked.
 * tx.commit-ok goes out once the store has fsynced the transaction's persistent messages routed to
 * durable queues (the loop does not wait: the reply waits for the store's "synced up to").
 */
final class TxMethods {
    private TxMethods() {
    }

    static void handle(AmqpChannel ch, Tx m) {
        if (m instanceof Tx.Select) {
            if (ch.confirms.enabled()) {
                throw AmqpException.preconditionFailed("cannot switch from confirm to tx mode");
            }
            if (ch.tx == null) {
                ch.tx = new Transaction();
            }
            ch.reply(new Tx.SelectOk());
        } else if (m instanceof Tx.Commit) {
            long sync = requireTx(ch).commit(ch);
            BrokerContext broker = ch.connection.broker();
            if (sync == 0 || sync <= broker.syncedUpTo()) {
                ch.reply(new Tx.CommitOk());
            } else {
                broker.awaitSync(upTo -> {
                    if (ch.isReleased()) {
                        return true;
                    }
                    if (upTo < sync) {
                        return false;
                    }
                    ch.reply(new Tx.CommitOk());
                    return true;
                });
            }
        } else if (m instanceof Tx.Rollback) {
            Transaction tx = requireTx(ch);
            ch.unacked.restore(tx.takeHeldAcks());
            tx.publishes.clear();
            ch.reply(new Tx.RollbackOk());
        }
    }

    private static Transaction requireTx(AmqpChannel ch) {
        if (ch.tx == null) {
            throw AmqpException.preconditionFailed("channel is not transactional");
        }
        return ch.tx;
    }

    /** What a transaction holds until commit. */
    static final class Transaction {
        private record Publish(Exchange exchange, Message message, boolean mandatory) {
        }

        private record Settle(List<Unacked> deliveries, AmqpChannel.Settlement how) {
        }

        private final List<Publish> publishes = new ArrayList<>();
        private final List<Settle> settles = new ArrayList<>();

        void hold(Exchange exchange, Message message, boolean mandatory) {
            publishes.add(new Publish(exchange, message, mandatory));
        }

        void hold(List<Unacked> deliveries, AmqpChannel.Settlement how) {
            settles.add(new Settle(deliveries, how));
        }

        int publishCount() {
            return publishes.size();
        }

        int settleCount() {
            int n = 0;
            for (Settle s : settles) {
                n += s.deliveries().size();
            }
            return n;
        }

        /** The deliveries acked, nacked or rejected in this transaction, taken back out of it. */
        List<Unacked> takeHeldAcks() {
            List<Unacked> all = new ArrayList<>();
            for (Settle s : settles) {
                all.addAll(s.deliveries());
            }
            settles.clear();
            return all;
        }

        /** Publishes and settles what was held; gives the sync number its messages wait for (or 0). */
        long commit(AmqpChannel ch) {
            List<Publish> toPublish = new ArrayList<>(publishes);
            List<Settle> toSettle = new ArrayList<>(settles);
            publishes.clear();
            settles.clear();
            long sync = 0;
            for (Publish p : toPublish) {
                if (p.exchange().vhost().lookupExchange(p.exchange().name()) == p.exchange()) {
                    sync = Math.max(sync, PublishMethod.deliver(ch, p.exchange(), p.message(), p.mandatory(), 0));
                }
            }
            for (Settle s : toSettle) {
                ch.settle(s.deliveries(), s.how());
            }
            return sync;
        }
    }
}
