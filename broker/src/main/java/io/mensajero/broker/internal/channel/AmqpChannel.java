package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.DirectReplyTo;
import io.mensajero.broker.internal.auth.ResourceAccess;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.MessageStats;
import io.mensajero.broker.internal.stats.StatsRegistry;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueEntry;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.Access;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Confirm;
import io.mensajero.protocol.Exchange;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodFrame;
import io.mensajero.protocol.ProtocolException;
import io.mensajero.protocol.Queue;
import io.mensajero.protocol.Tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One AMQP channel: it reassembles commands from frames and hands each method to its one home
 * (ExchangeMethods, QueueMethods, PublishMethod, ConsumeMethods, GetMethod, AckMethods,
 * TxMethods, here for channel.*, access.request and confirm.select). It keeps the channel's
 * state: consumers, unacked deliveries, prefetch limits, confirm and tx modes.
 */
public final class AmqpChannel implements DirectReplyTo.Target {
    /** RabbitMQ's default max_message_size: 128 MiB. */
    static final long MAX_MESSAGE_SIZE = 128L * 1024 * 1024;

    final ChannelOwner connection;
    final int number;
    final Map<String, ChannelConsumer> consumers = new LinkedHashMap<>();
    final UnackedMessages unacked = new UnackedMessages();
    private final ContentAssembler assembler = new ContentAssembler(MAX_MESSAGE_SIZE);
    private boolean closing;
    private boolean released;
    /** Commands that came while a basic.get waits for a read from disk (null: none waits). */
    private ArrayDeque<ContentAssembler.Command> held;
    private long nextDeliveryTag = 1;
    /** Unacked deliveries to consumers (not basic.get): what the global prefetch limits. */
    private int consumerUnacked;
    /** Which of the channel's queues {@link #resumeDeliveries()} lets deliver first next time. */
    private int resumeTurn;

    int consumerPrefetch;
    int globalPrefetch;
    String mostRecentQueue = "";
    final Confirms confirms = new Confirms(this);
    TxMethods.Transaction tx;
    String replyConsumerTag;
    String replyAddress;
    /** The permission checks of this channel's user in its vhost. */
    final ResourceAccess access;
    /** The management API's message counters of this channel. */
    final Counters stats;

    public AmqpChannel(ChannelOwner connection, int number) {
        this.connection = connection;
        this.number = number;
        var broker = connection.broker();
        this.access = new ResourceAccess(broker.access(), connection.user().name(), connection.vhost().name());
        this.stats = broker.stats().channel(connection.vhost().name());
        broker.stats().count(StatsRegistry.CHANNEL_CREATED);
    }

    VirtualHost vhost() {
        return connection.vhost();
    }

    /** Handles a frame addressed to this channel. */
    public void handle(Frame frame) {
        Method method = frame instanceof MethodFrame mf ? mf.method() : null;
        try {
            ContentAssembler.Command command = assembler.accept(frame);
            if (command != null) {
                method = command.method();
                if (closing) {
                    whileClosing(method);
                } else if (held != null) {
                    held.addLast(command);
                } else {
                    dispatch(command);
                }
            }
        } catch (AmqpException | ProtocolException e) {
            fail(e, method);
        }
    }

    private void fail(RuntimeException e, Method method) {
        AmqpException error = (e instanceof ProtocolException p
                ? AmqpException.of(p.replyCode(), p.text()) : (AmqpException) e).during(method);
        if (error.isConnectionError()) {
            connection.closeWithError(error);
        } else {
            closeWithError(error);
        }
    }

    /**
     * basic.get waits for its queue's head to come back from disk: the loop goes on, this
     * channel's next commands wait (so replies stay in order) until {@code step} has run.
     */
    void waitFor(MessageQueue queue, Method method, Runnable step) {
        held = new ArrayDeque<>();
        queue.whenReadBack(() -> resume(method, step));
    }

    private void resume(Method method, Runnable step) {
        ArrayDeque<ContentAssembler.Command> waiting = held;
        held = null;
        if (released) {
            return;
        }
        try {
            step.run();
        } catch (AmqpException | ProtocolException e) {
            fail(e, method);
        }
        while (held == null && !released && !waiting.isEmpty()) {
            ContentAssembler.Command next = waiting.pollFirst();
            try {
                if (closing) {
                    whileClosing(next.method());
                } else {
                    dispatch(next);
                }
            } catch (AmqpException | ProtocolException e) {
                fail(e, next.method());
            }
        }
        if (held != null) {
            held.addAll(waiting);
        }
    }

    private void dispatch(ContentAssembler.Command command) {
        Method m = command.method();
        if (m instanceof Basic.Publish p) {
            PublishMethod.publish(this, p, command.rawProperties(), command.body());
        } else if (m instanceof Basic b) {
            basic(b);
        } else if (m instanceof Queue q) {
            QueueMethods.handle(this, q);
        } else if (m instanceof Exchange x) {
            ExchangeMethods.handle(this, x);
        } else if (m instanceof Tx t) {
            TxMethods.handle(this, t);
        } else if (m instanceof Confirm.Select s) {
            confirms.select(s);
        } else if (m instanceof Channel c) {
            channel(c);
        } else if (m instanceof Access.Request) {
            reply(new Access.RequestOk(1));
        } else {
            throw AmqpException.commandInvalid("unimplemented method");
        }
    }

    private void basic(Basic m) {
        if (m instanceof Basic.Ack || m instanceof Basic.Nack || m instanceof Basic.Reject
                || m instanceof Basic.Recover || m instanceof Basic.RecoverAsync) {
            AckMethods.handle(this, m);
        } else if (m instanceof Basic.Consume || m instanceof Basic.Cancel || m instanceof Basic.Qos) {
            ConsumeMethods.handle(this, m);
        } else if (m instanceof Basic.Get g) {
            GetMethod.get(this, g);
        } else {
            throw AmqpException.commandInvalid("unimplemented method");
        }
    }

    private void channel(Channel m) {
        if (m instanceof Channel.Close) {
            confirms.flush();
            release();
            reply(new Channel.CloseOk());
            connection.channelClosed(number);
        } else if (m instanceof Channel.Open) {
            throw AmqpException.channelError("second 'channel.open' seen");
        } else if (m instanceof Channel.Flow f) {
            if (!f.active()) {
                throw AmqpException.notImplemented("active=false");
            }
            reply(new Channel.FlowOk(true));
        } else {
            throw AmqpException.commandInvalid("unimplemented method");
        }
    }

    /**
     * After this channel sent channel.close, RabbitMQ ignores every command but close-ok (the end)
     * and a crossing close (answered); a second channel.open is still an error. Frames out of
     * order are errors too: the content assembler runs whatever the channel's state.
     */
    private void whileClosing(Method method) {
        if (method instanceof Channel.CloseOk) {
            connection.channelClosed(number);
        } else if (method instanceof Channel.Close) {
            reply(new Channel.CloseOk());
        } else if (method instanceof Channel.Open) {
            throw AmqpException.channelError("second 'channel.open' seen");
        }
    }

    /** A soft error: releases what the channel holds and sends channel.close. */
    void closeWithError(AmqpException e) {
        release();
        closing = true;
        reply(new Channel.Close(e.replyCode().code(), e.replyText(), e.classId(), e.methodId()));
    }

    void reply(Method method) {
        connection.writeMethod(number, method);
    }

    /**
     * Lets go of everything: consumers leave their queues, unacked messages (and those a pending
     * transaction acked) go back to their queues, the reply-to address is dropped.
     */
    public void release() {
        if (released) {
            return;
        }
        released = true;
        connection.broker().stats().count(StatsRegistry.CHANNEL_CLOSED);
        List<ChannelConsumer> gone = new ArrayList<>(consumers.values());
        consumers.clear();
        for (ChannelConsumer c : gone) {
            c.queue().removeConsumer(c);
        }
        if (replyAddress != null) {
            connection.broker().directReplyTo().unregister(replyAddress);
            replyAddress = null;
        }
        List<Unacked> held = new ArrayList<>(unacked.takeAll());
        if (tx != null) {
            held.addAll(tx.takeHeldAcks());
            tx = null;
        }
        settle(held, Settlement.REQUEUE);
    }

    // ---- deliveries ----

    boolean isClosing() {
        return closing;
    }

    public int number() {
        return number;
    }

    boolean isReleased() {
        return released;
    }

    boolean canDeliver() {
        return !released && !closing && connection.isWritable();
    }

    /** Open, but its connection's socket is over the write-buffer high-water mark. */
    boolean waitsOnSocket() {
        return !released && !closing && !connection.isWritable();
    }

    boolean hasGlobalCapacity() {
        return globalPrefetch == 0 || consumerUnacked < globalPrefetch;
    }

    long nextDeliveryTag() {
        return nextDeliveryTag++;
    }

    void deliver(ChannelConsumer consumer, MessageQueue queue, QueueEntry entry) {
        long tag = nextDeliveryTag++;
        count(queue, consumer.noAck() ? MessageStats.DELIVER_NO_ACK : MessageStats.DELIVER, entry.redelivered());
        if (!consumer.noAck()) {
            unacked.add(new Unacked(tag, queue, entry, consumer));
            consumer.unacked++;
            consumerUnacked++;
        }
        Message m = queue.delivered(entry, false);
        connection.writeContent(number, new Basic.Deliver(consumer.tag(), tag, entry.redelivered(),
                m.exchange(), m.routingKey()), m.rawProperties(), m.body());
    }

    @Override
    public boolean deliverReply(Message message) {
        if (released || closing || replyConsumerTag == null) {
            return false;
        }
        connection.writeContent(number, new Basic.Deliver(replyConsumerTag, nextDeliveryTag++, false,
                message.exchange(), message.routingKey()), message.rawProperties(), message.body());
        return true;
    }

    void consumerCancelledByBroker(ChannelConsumer consumer) {
        if (consumers.remove(consumer.tag()) == consumer && connection.hasCapability("consumer_cancel_notify")) {
            reply(new Basic.Cancel(consumer.tag(), true));
        }
    }

    /**
     * The socket drained, or capacity came back: let the queues this channel consumes from
     * deliver. Each time another queue goes first, so that capacity freed one delivery at a time
     * (a global prefetch) serves the queues in turn rather than always the first one.
     */
    public void resumeDeliveries() {
        List<MessageQueue> queues = new ArrayList<>(new LinkedHashSet<>(consumers.values().stream()
                .map(ChannelConsumer::queue).toList()));
        if (queues.isEmpty()) {
            return;
        }
        int first = Math.floorMod(resumeTurn++, queues.size());
        for (int i = 0; i < queues.size(); i++) {
            queues.get((first + i) % queues.size()).dispatch();
        }
    }

    enum Settlement { ACK, REQUEUE, DISCARD }

    /** Applies an ack, a requeue or a discard to deliveries taken out of the unacked set. */
    void settle(List<Unacked> deliveries, Settlement how) {
        if (deliveries.isEmpty()) {
            return;
        }
        Map<MessageQueue, List<QueueEntry>> requeue = how == Settlement.REQUEUE ? new LinkedHashMap<>() : null;
        for (Unacked u : deliveries) {
            if (u.consumer() != null) {
                u.consumer().unacked--;
                consumerUnacked--;
            }
            switch (how) {
                case ACK -> {
                    u.queue().ack(u.entry());
                    stats.inc(MessageStats.ACK);
                    u.queue().stats().inc(MessageStats.ACK);
                }
                case DISCARD -> u.queue().discard(u.entry());
                case REQUEUE -> requeue.computeIfAbsent(u.queue(), q -> new ArrayList<>()).add(u.entry());
            }
        }
        if (requeue != null) {
            requeue.forEach(MessageQueue::requeue);
        }
        if (!released) {
            resumeDeliveries();
        }
    }

    /** Samples the rates of this channel's counters. */
    public void sampleStats(double seconds) {
        stats.sample(seconds);
    }

    /** Counts a message handed out (delivered or got) on this channel and its queue. */
    void count(MessageQueue queue, int counter, boolean redelivered) {
        stats.inc(counter);
        queue.stats().inc(counter);
        if (redelivered) {
            stats.inc(MessageStats.REDELIVER);
            queue.stats().inc(MessageStats.REDELIVER);
        }
    }

    /** End of a read batch: send the publisher confirms it earned. */
    public void readComplete() {
        confirms.flush();
    }
}
