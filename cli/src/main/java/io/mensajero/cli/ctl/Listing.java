package io.mensajero.cli.ctl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a {@code list_*} command lists: the API collection it reads, rabbitmqctl's columns (in its
 * order) with their default selection, and the informational line before the table.
 *
 * @param what     what is listed, for messages: "queues"
 * @param scope    whether the path names a vhost, a user, or neither
 * @param resource the API path; {@code %s} is the vhost or the user: "queues/%s"
 * @param heading  the key of rabbitmqctl's line before the table ({@code ctl.info.list.*}); {0} is the vhost or the user
 */
record Listing(String what, Scope scope, String resource, String heading, Map<String, Column> columns,
               List<String> defaults) {

    enum Scope { NODE, VHOST, USER }

    static Builder of(String what, Scope scope, String resource, String heading) {
        return new Builder(what, scope, resource, heading);
    }

    /** The API path for this vhost or user. */
    String path(String vhostOrUser) {
        return scope == Scope.NODE ? resource : resource.formatted(ManagementClient.segment(vhostOrUser));
    }

    /** The names among those asked for that are no column of this listing. */
    Optional<String> unknown(List<String> asked) {
        List<String> bad = asked.stream().filter(name -> !columns.containsKey(name)).toList();
        return bad.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", bad));
    }

    List<Column> select(List<String> asked) {
        List<Column> chosen = new ArrayList<>();
        for (String name : asked.isEmpty() ? defaults : asked) {
            chosen.add(columns.get(name));
        }
        return chosen;
    }

    static final class Builder {
        private final String what;
        private final Scope scope;
        private final String resource;
        private final String heading;
        private final Map<String, Column> columns = new LinkedHashMap<>();

        private Builder(String what, Scope scope, String resource, String heading) {
            this.what = what;
            this.scope = scope;
            this.resource = resource;
            this.heading = heading;
        }

        /** Columns read from the API field of the same name. */
        Builder fields(String... names) {
            for (String name : names) {
                columns.put(name, Column.field(name));
            }
            return this;
        }

        Builder column(Column column) {
            columns.put(column.name(), column);
            return this;
        }

        Listing defaults(String... names) {
            for (String name : names) {
                if (!columns.containsKey(name)) {
                    throw new IllegalStateException("default column " + name + " of " + what + " is not a column");
                }
            }
            return new Listing(what, scope, resource, heading, Collections.unmodifiableMap(new TreeMap<>(columns)), List.of(names));
        }
    }
}
