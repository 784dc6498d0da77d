package io.mensajero.broker.internal.arguments;

/** The few Erlang terms RabbitMQ's argument errors print with {@code ~p}: atoms, tuples, strings. */
final class ErlangTerm {
    private ErlangTerm() {
    }

    /** {@code {tag,value}} with the value printed as it is (an atom or an integer). */
    static String tuple(String tag, Object value) {
        return "{" + tag + "," + value + "}";
    }

    /** A string, as ~p prints a character list: in double quotes, with quotes and backslashes escaped. */
    static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
