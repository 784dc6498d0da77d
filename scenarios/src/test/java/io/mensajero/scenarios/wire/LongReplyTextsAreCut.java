package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Queue;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply text is a shortstr, at most 255 octets: RabbitMQ cuts a longer explanation to its first
 * 252 octets and "...", in a channel.close (a 404 naming a 255-character queue) as in a
 * connection.close (a 501 quoting the octets it could not decode).
 */
class LongReplyTextsAreCut {

    @EachBroker
    void inAChannelClose(BrokerUnderTest broker) throws IOException {
        String missing = (Names.unique("missing") + "-" + "q".repeat(255)).substring(0, 255);
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, new Queue.Declare(missing, true, false, false, false, false, Map.of()));
            assertThat(raw.expectChannelClose(1)).isEqualTo(new Channel.Close(404,
                    cut("NOT_FOUND - no queue '" + missing + "' in vhost '/'"), 50, 10));
        }
    }

    @EachBroker
    void inAConnectionClose(BrokerUnderTest broker) throws IOException {
        byte[] qos = RawFrames.methodPayload(new Basic.Qos(0, 10, false));
        byte[] tooLong = Arrays.copyOf(qos, qos.length + 120);
        Arrays.fill(tooLong, qos.length, tooLong.length, (byte) 77);
        String octets = IntStream.range(4, tooLong.length).mapToObj(i -> String.valueOf(tooLong[i] & 0xFF))
                .collect(Collectors.joining(","));
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(RawFrames.frame(1, 1, tooLong));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(501,
                    cut("FRAME_ERROR - cannot decode <<" + octets + ">>"), 60, 10));
        }
    }

    /** An ASCII text cut as RabbitMQ cuts it. */
    private static String cut(String text) {
        assertThat(text.length()).as("the text to cut").isGreaterThan(255);
        return text.substring(0, 252) + "...";
    }
}
