package io.mensajero.broker.internal;

import io.mensajero.broker.internal.info.ChannelInfo;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.info.ConsumerInfo;

import java.util.List;

/** A connection as the management API sees it; used on the broker loop only. */
public interface ConnectionView {
    /** RabbitMQ's name for it: {@code "peer -> local"}. */
    String name();

    /** The logged-in user, or null before login. */
    String userName();

    /** The vhost, or null before connection.open. */
    String vhostName();

    ConnectionInfo info();

    List<ChannelInfo> channelInfos();

    List<ConsumerInfo> consumerInfos();

    /** Samples the rates of its traffic and of its channels. */
    void sampleStats(double seconds);
}
