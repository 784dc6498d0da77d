package io.mensajero.broker.internal.management;

/** The Prometheus text exposition format: {@code # HELP}, {@code # TYPE}, then samples. */
final class Prometheus {
    private final StringBuilder out = new StringBuilder(8192);

    void family(String name, String type, String help) {
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    }

    void sample(String name, String labels, long value) {
        out.append(name);
        if (labels != null && !labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    void gauge(String name, String help, long value) {
        family(name, "gauge", help);
        sample(name, null, value);
    }

    void counter(String name, String help, long value) {
        family(name, "counter", help);
        sample(name, null, value);
    }

    void untyped(String name, String help, long value) {
        family(name, "untyped", help);
        sample(name, null, value);
    }

    void labelled(String name, String type, String help, String labels, long value) {
        family(name, type, help);
        sample(name, labels, value);
    }

    /** A label value: backslash, double quote and newline escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
