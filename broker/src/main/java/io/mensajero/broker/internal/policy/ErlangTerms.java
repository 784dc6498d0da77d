package io.mensajero.broker.internal.policy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values written as Erlang prints them ({@code ~p}), for RabbitMQ's validation messages:
 * a string is {@code <<"x">>}, a list {@code [1,2]}, an object {@code #{<<"k">> => 1}}.
 */
final class ErlangTerms {
    private ErlangTerms() {
    }

    static String print(Object value) {
        StringBuilder sb = new StringBuilder();
        print(value, sb);
        return sb.toString();
    }

    private static void print(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            sb.append("<<\"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append("\">>");
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                print(list.get(i), sb);
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> map) {
            sb.append("#{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                print(String.valueOf(e.getKey()), sb);
                sb.append(" => ");
                print(e.getValue(), sb);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else {
            sb.append(value);
        }
    }

    /** A {Key,Value} tuple. */
    static String tuple(String key, Object value) {
        return "{" + print(key) + "," + print(value) + "}";
    }
}
