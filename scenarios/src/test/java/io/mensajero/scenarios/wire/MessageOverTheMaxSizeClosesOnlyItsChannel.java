package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Confirm;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Queue;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message larger than max_message_size (RabbitMQ's default: 128 MiB) is refused on its
 * channel alone: channel.close 406 PRECONDITION_FAILED with RabbitMQ's text, and the connection
 * goes on working, its other channels untouched. RabbitMQ 3.10 reads the whole content first (it
 * says nothing after the header alone) and refuses it then; a method in the middle of the body
 * is still an unexpected frame, as for any message. Here a 200 MiB message.
 */
class MessageOverTheMaxSizeClosesOnlyItsChannel {
    private static final long SIZE = 200L * 1024 * 1024;

    @EachBroker
    void refusedOnItsChannelAndTheConnectionGoesOn(BrokerUnderTest broker) throws IOException {
        String queue = Names.unique("max-size");
        try (RawConnection raw = RawConnection.opened(broker, 1, 2)) {
            raw.send(2, new Queue.Declare(queue, false, false, true, false, false, Map.of()));
            raw.expectMethod(2, Queue.DeclareOk.class);

            raw.send(1, new Basic.Publish("", queue, false, false));
            raw.sendBytes(RawFrames.headerFrame(1, 60, SIZE));
            sendBody(raw, 1, SIZE, (int) raw.tune().frameMax() - 8);

            assertThat(raw.expectChannelClose(1)).isEqualTo(new Channel.Close(406,
                    "PRECONDITION_FAILED - message size " + SIZE + " is larger than configured max size 134217728",
                    60, 40));
            raw.send(1, new Channel.CloseOk());

            raw.send(2, new Confirm.Select(false));
            raw.expectMethod(2, Confirm.SelectOk.class);
            raw.send(2, new Basic.Publish("", queue, false, false));
            raw.sendBytes(RawFrames.headerFrame(2, 60, 2));
            raw.sendBytes(RawFrames.bodyFrame(2, new byte[] {'o', 'k'}));
            assertThat(raw.expectMethod(2, Basic.Ack.class).deliveryTag()).isEqualTo(1L);
            raw.send(2, new Queue.Declare(queue, true, false, true, false, false, Map.of()));
            assertThat(raw.expectMethod(2, Queue.DeclareOk.class).messageCount())
                    .as("the other channel published after the refusal").isEqualTo(1L);
            raw.openChannel(1);
            raw.send(1, new Queue.Delete(queue, false, false, false));
            raw.expectMethod(1, Queue.DeleteOk.class);
        }
    }

    @EachBroker
    void itsBodyIsStillReadAsABody(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, new Basic.Publish("", "nowhere", false, false));
            raw.sendBytes(RawFrames.headerFrame(1, 60, SIZE));
            raw.sendBytes(RawFrames.bodyFrame(1, new byte[100]));
            raw.send(1, new Basic.Qos(0, 1, false));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content body, got non content body frame instead", 60, 40));
        }
    }

    /** Body frames of {@code frame} octets (the last one shorter) up to {@code size}, written in large batches. */
    private static void sendBody(RawConnection raw, int channel, long size, int frame) throws IOException {
        byte[] full = RawFrames.bodyFrame(channel, new byte[frame]);
        ByteArrayOutputStream batch = new ByteArrayOutputStream(4 * 1024 * 1024 + full.length);
        long left = size;
        while (left > 0) {
            batch.write(left >= frame ? full : RawFrames.bodyFrame(channel, new byte[(int) left]));
            left -= Math.min(left, frame);
            if (batch.size() >= 4 * 1024 * 1024 || left == 0) {
                raw.sendBytes(batch.toByteArray());
                batch.reset();
            }
        }
    }
}
