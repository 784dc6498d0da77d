package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Names;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pika's {@code confirm_delivery()} (resource interop/confirm_delivery.py): the broker's
 * capabilities let pika turn confirms on; a mandatory publish to a queue returns once acked; a
 * mandatory publish nobody can route comes back with basic.return 312 NO_ROUTE before its ack,
 * which pika 1.2 raises as UnroutableError; a non-mandatory one is acked and dropped. The
 * channel stays usable and the queue holds exactly the routed messages.
 */
class PikaConfirmDeliveryRaisesUnroutable {

    @EachBroker
    void mandatoryPublishesInConfirmMode(BrokerUnderTest broker) {
        String queue = Names.unique("pika-confirm");
        String nowhere = Names.unique("nowhere");
        try (ForeignProcess script = ForeignProcess.pika(broker, "interop/confirm_delivery.py", queue, nowhere)) {
            assertThat(script.succeed(WAIT)).as("%s", script).containsExactly(
                    "confirm mode on",
                    "mandatory routed: confirmed",
                    "mandatory lost: unroutable 312 NO_ROUTE key=" + nowhere + " body=lost",
                    "plain dropped: confirmed",
                    "mandatory after: confirmed",
                    "queue holds: routed after");
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
