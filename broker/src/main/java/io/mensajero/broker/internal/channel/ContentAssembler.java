package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.protocol.BodyFrame;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.HeaderFrame;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a content-bearing method back together from its frames: the method, then a content
 * header, then body frames until the announced size is reached. Anything out of that order is
 * 505 UNEXPECTED_FRAME, with RabbitMQ's texts. A message over the max size is refused (406, a
 * channel error) once its last body frame has come, as RabbitMQ refuses it.
 */
final class ContentAssembler {
    /** A whole command: a method, and for basic.publish its properties and body. */
    record Command(Method method, byte[] rawProperties, byte[] body) {
    }

    private final long maxMessageSize;
    private Method pending;
    private byte[] rawProperties;
    private long expectedSize;
    private long received;
    private boolean oversized;
    private final List<byte[]> parts = new ArrayList<>(1);

    ContentAssembler(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Takes one frame; returns a command when one is complete, else null. */
    Command accept(Frame frame) {
        if (pending == null) {
            if (frame instanceof MethodFrame mf) {
                Method method = mf.method();
                if (!method.hasContent()) {
                    return new Command(method, null, null);
                }
                pending = method;
                return null;
            }
            throw AmqpException.unexpectedFrame("expected method frame, got non method frame instead");
        }
        if (rawProperties == null) {
            if (!(frame instanceof HeaderFrame header)) {
                throw AmqpException.unexpectedFrame(
                        "expected content header for class %d, got non content header frame instead",
                        pending.classId()).during(pending);
            }
            if (header.weight() != 0) {
                throw AmqpException.unexpectedFrame(
                        "expected content header for class %d, got non content header frame instead",
                        pending.classId()).during(pending);
            }
            if (header.classId() != pending.classId()) {
                throw AmqpException.unexpectedFrame("expected content header for class %d, got one for class %d instead",
                        pending.classId(), header.classId()).during(pending);
            }
            // Like RabbitMQ, a message over the max size is still read to its end (a method in
            // the middle of its body is as unexpected as ever) and refused only then; its body
            // is not kept meanwhile.
            oversized = header.bodySize() > maxMessageSize;
            rawProperties = header.rawProperties();
            expectedSize = header.bodySize();
            return expectedSize == 0 ? complete() : null;
        }
        if (!(frame instanceof BodyFrame body)) {
            throw AmqpException.unexpectedFrame("expected content body, got non content body frame instead")
                    .during(pending);
        }
        received += body.payload().length;
        if (received > expectedSize) {
            // Like RabbitMQ: more body than announced never completes; the next non-body frame is
            // the error. The surplus is not kept.
            parts.clear();
            return null;
        }
        if (!oversized) {
            parts.add(body.payload());
        }
        return received == expectedSize ? complete() : null;
    }

    private Command complete() {
        if (oversized) {
            Method m = pending;
            long size = expectedSize;
            reset();
            throw AmqpException.preconditionFailed("message size %d is larger than configured max size %d",
                    size, maxMessageSize).during(m);
        }
        byte[] body;
        if (parts.size() == 1) {
            body = parts.get(0);
        } else {
            body = new byte[(int) expectedSize];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, body, at, part.length);
                at += part.length;
            }
        }
        Command command = new Command(pending, rawProperties, body);
        reset();
        return command;
    }

    private void reset() {
        pending = null;
        rawProperties = null;
        expectedSize = 0;
        received = 0;
        oversized = false;
        parts.clear();
    }
}
