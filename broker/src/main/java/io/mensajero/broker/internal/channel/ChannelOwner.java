package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueFlow;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.Method;

/** The connection a channel belongs to, as the channel uses it. */
public interface ChannelOwner {
    BrokerContext broker();

    User user();

    VirtualHost vhost();

    void writeMethod(int channel, Method method);

    /** Writes a method with content (deliver, get-ok, return), split to the negotiated frame-max. */
    void writeContent(int channel, Method method, byte[] rawProperties, byte[] body);

    void flush();

    /** False while the socket's outbound buffer is over its high-water mark. */
    boolean isWritable();

    /** Whether the client announced the capability in its connection.start-ok properties. */
    boolean hasCapability(String name);

    /** A hard error: the whole connection closes. */
    void closeWithError(AmqpException error);

    /** The channel has finished closing; its number is free again. */
    void channelClosed(int number);

    /** Tracks an exclusive queue, deleted when this connection closes. */
    void ownsExclusiveQueue(MessageQueue queue);

    void queueDeleted(MessageQueue queue);

    /** A message was published on this connection (the memory alarm blocks publishers). */
    void published();

    /** This connection as flow control holds it, when a queue it routes to stops granting credit. */
    QueueFlow.Sender publisher();
}
