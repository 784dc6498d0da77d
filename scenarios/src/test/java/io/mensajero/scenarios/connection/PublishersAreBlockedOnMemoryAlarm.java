package io.mensajero.scenarios.connection;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

/**
 * When memory use passes the high watermark, a connection that publishes gets connection.blocked
 * ("low on memory") and its messages stop being taken in; when the alarm clears it gets
 * connection.unblocked and everything it published arrives, nothing lost.
 */
class PublishersAreBlockedOnMemoryAlarm {

    @EachBroker
    void blockedThenUnblocked(BrokerUnderTest broker) throws Exception {
        AlarmRun.blockedThenUnblocked(broker, broker::raiseMemoryAlarm, broker::clearMemoryAlarm, "low on memory");
    }
}
