package io.mensajero.broker.internal.arguments;

import java.util.Map;

/**
 * A stream queue's retention and segment size, from its (validated) arguments: null where not
 * set. RabbitMQ keeps a stream whole unless {@code x-max-length-bytes} or {@code x-max-age} say
 * otherwise, and then drops whole segments from its head; a segment holds up to
 * {@code x-stream-max-segment-size-bytes}.
 *
 * @param maxLengthBytes      x-max-length-bytes: the log's size at most, in bytes
 * @param maxAgeMillis        x-max-age: how long a segment is kept after its last message, in ms
 * @param maxSegmentSizeBytes x-stream-max-segment-size-bytes
 */
public record StreamSettings(Long maxLengthBytes, Long maxAgeMillis, Long maxSegmentSizeBytes) {

    public static StreamSettings of(Map<String, Object> arguments) {
        Map<String, Object> a = arguments == null ? Map.of() : arguments;
        Object age = a.get("x-max-age");
        long ageMillis = FieldTypes.isText(age) ? QueueArguments.maxAgeMillis(age.toString()) : -1;
        return new StreamSettings(number(a.get("x-max-length-bytes")), ageMillis > 0 ? ageMillis : null,
                number(a.get("x-stream-max-segment-size-bytes")));
    }

    private static Long number(Object v) {
        return FieldTypes.isInteger(v) ? Long.valueOf(((Number) v).longValue()) : null;
    }
}
