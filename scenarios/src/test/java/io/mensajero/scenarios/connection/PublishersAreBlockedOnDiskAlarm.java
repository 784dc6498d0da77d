package io.mensajero.scenarios.connection;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

/**
 * When free disk space falls under the limit (RabbitMQ's disk_free_limit), a connection that
 * publishes gets connection.blocked ("low on disk") and its messages stop being taken in; when
 * there is room again it gets connection.unblocked and everything it published arrives.
 */
class PublishersAreBlockedOnDiskAlarm {

    @EachBroker(dataDirectory = true)
    void blockedThenUnblocked(BrokerUnderTest broker) throws Exception {
        AlarmRun.blockedThenUnblocked(broker, broker::raiseDiskAlarm, broker::clearDiskAlarm, "low on disk");
    }

    /** With memory and disk both low, the reason names both, as RabbitMQ's does. */
    @EachBroker(dataDirectory = true)
    void bothAlarmsAreNamed(BrokerUnderTest broker) throws Exception {
        AlarmRun.blockedThenUnblocked(broker, () -> {
            broker.raiseMemoryAlarm();
            broker.raiseDiskAlarm();
        }, () -> {
            broker.clearDiskAlarm();
            broker.clearMemoryAlarm();
        }, "low on disk & memory");
    }
}
