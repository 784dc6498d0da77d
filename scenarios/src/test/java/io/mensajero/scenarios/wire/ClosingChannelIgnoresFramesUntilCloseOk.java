package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.MethodFrame;
import io.mensajero.protocol.Queue;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a channel error the broker has sent channel.close and the channel is closing: until the
 * client's close-ok, the methods and whole messages the client sends on it are ignored, and a
 * channel.close is answered with close-ok. After close-ok the channel number can be opened again.
 * What is not ignored: a channel.open on the closing channel (504, as a second open) and a content
 * frame with no method before it (505): RabbitMQ checks those before looking at the channel's state.
 */
class ClosingChannelIgnoresFramesUntilCloseOk {

    @EachBroker
    void methodsAndMessagesAreIgnoredThenTheChannelReopens(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = withClosingChannel(broker)) {
            raw.send(1, new Basic.Qos(0, 1, false));
            raw.send(1, new Queue.Declare("", false, false, true, true, false, Map.of()));
            raw.send(1, new Basic.Publish("", "nowhere", false, false));
            raw.sendBytes(RawFrames.headerFrame(1, 60, 2));
            raw.sendBytes(RawFrames.bodyFrame(1, new byte[] {1, 2}));
            raw.send(1, new Channel.CloseOk());
            raw.send(1, new Channel.Open());
            raw.send(1, new Queue.Declare("", false, false, true, true, false, Map.of()));
            assertThat(nextOnChannel1(raw)).isInstanceOf(Channel.OpenOk.class);
            assertThat(nextOnChannel1(raw)).as("the reply to the declare sent after reopening, and only that")
                    .isInstanceOf(Queue.DeclareOk.class);
        }
    }

    @EachBroker
    void channelCloseIsAnswered(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = withClosingChannel(broker)) {
            raw.send(1, new Channel.Close(200, "", 0, 0));
            raw.expectMethod(1, Channel.CloseOk.class);
        }
    }

    @EachBroker
    void channelOpenIsASecondOpen(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = withClosingChannel(broker)) {
            raw.send(1, new Channel.Open());
            assertThat(raw.expectConnectionCloseAndClosed())
                    .isEqualTo(new Connection.Close(504, "CHANNEL_ERROR - second 'channel.open' seen", 20, 10));
        }
    }

    @EachBroker
    void bodyWithoutAMethodIsAnUnexpectedFrame(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = withClosingChannel(broker)) {
            raw.sendBytes(RawFrames.bodyFrame(1, new byte[] {1, 2}));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected method frame, got non method frame instead", 0, 0));
        }
    }

    /** Channel 1 closed by the broker with 404 (a passive declare of a missing queue), not yet close-ok'd. */
    private static RawConnection withClosingChannel(BrokerUnderTest broker) throws IOException {
        RawConnection raw = RawConnection.opened(broker, 1);
        try {
            String missing = Names.unique("missing");
            raw.send(1, new Queue.Declare(missing, true, false, false, false, false, Map.of()));
            Channel.Close close = raw.expectChannelClose(1);
            assertThat(close).isEqualTo(new Channel.Close(404, "NOT_FOUND - no queue '" + missing + "' in vhost '/'", 50, 10));
            return raw;
        } catch (IOException | RuntimeException | Error e) {
            raw.close();
            throw e;
        }
    }

    private static Object nextOnChannel1(RawConnection raw) throws IOException {
        Frame frame = raw.readFrame();
        assertThat(frame).isInstanceOf(MethodFrame.class);
        assertThat(frame.channel()).as("channel of " + frame).isEqualTo(1);
        return ((MethodFrame) frame).method();
    }
}
