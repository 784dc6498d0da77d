package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.arguments.FieldTypes;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.protocol.BasicProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sender-selected distribution, as RabbitMQ does it: the CC and BCC headers (arrays of strings)
 * give more routing keys, routed like the message's own; the BCC header is removed before anyone
 * receives the message, CC stays. A CC or BCC that is not an array is refused with RabbitMQ's
 * 406; elements that are not strings are skipped.
 */
final class SenderSelected {
    private SenderSelected() {
    }

    /** The message to route: the same one, or a copy without BCC, with its extra routing keys. */
    static Message apply(Message message) {
        if (!message.hasProperty(Message.FLAG_HEADERS)) {
            return message;
        }
        BasicProperties props = message.properties();
        Map<String, Object> headers = props.headers();
        if (headers == null || (!headers.containsKey("CC") && !headers.containsKey("BCC"))) {
            return message;
        }
        List<String> routes = new ArrayList<>();
        for (String key : List.of("CC", "BCC")) {
            if (!headers.containsKey(key)) {
                continue;
            }
            if (!(headers.get(key) instanceof List<?> values)) {
                throw AmqpException.preconditionFailed("invalid message: {unacceptable_type_in_header,\"%s\",%s}",
                        key, FieldTypes.name(headers.get(key)));
            }
            for (Object v : values) {
                if (FieldTypes.isText(v)) {
                    routes.add(v.toString());
                }
            }
        }
        Message routed = message;
        if (headers.containsKey("BCC")) {
            Map<String, Object> kept = new LinkedHashMap<>(headers);
            kept.remove("BCC");
            routed = message.withProperties(props.withHeaders(kept));
        }
        routed.routeAlsoBy(routes);
        return routed;
    }
}
