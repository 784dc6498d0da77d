package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.mensajero.cli.ctl.Listing.Scope;

/**
 * rabbitmqctl's {@code list_*} columns (3.10), each mapped to the management API's field. Erlang
 * pids are not in the API: a {@code pid} column shows the name that identifies the connection or
 * channel there (so {@code close_connection} takes what {@code list_connections pid} prints).
 * A column the API does not report (a classic queue's {@code slave_pids}) is an empty cell.
 */
final class Listings {
    static final Listing QUEUES = Listing.of("queues", Scope.VHOST, "queues/%s", "ctl.info.list.queues")
            .fields("arguments", "auto_delete", "consumer_capacity", "consumer_utilisation", "consumers",
                    "disk_reads", "disk_writes", "durable", "exclusive", "exclusive_consumer_pid",
                    "exclusive_consumer_tag", "head_message_timestamp", "leader", "members", "memory",
                    "message_bytes", "message_bytes_persistent", "message_bytes_ram", "message_bytes_ready",
                    "message_bytes_unacknowledged", "messages", "messages_persistent", "messages_ram",
                    "messages_ready", "messages_ready_ram", "messages_unacknowledged", "messages_unacknowledged_ram",
                    "name", "online", "owner_pid", "pid", "policy", "slave_pids", "state", "synchronised_slave_pids",
                    "type")
            .defaults("name", "messages");

    static final Listing EXCHANGES = Listing.of("exchanges", Scope.VHOST, "exchanges/%s",
                    "ctl.info.list.exchanges")
            .fields("arguments", "auto_delete", "durable", "internal", "name", "policy", "type")
            .defaults("name", "type");

    static final Listing BINDINGS = Listing.of("bindings", Scope.VHOST, "bindings/%s", "ctl.info.list.bindings")
            .column(Column.at("source_name", "source"))
            .column(Column.constant("source_kind", "exchange"))
            .column(Column.at("destination_name", "destination"))
            .column(Column.at("destination_kind", "destination_type"))
            .fields("routing_key", "arguments")
            .defaults("source_name", "source_kind", "destination_name", "destination_kind", "routing_key", "arguments");

    static final Listing CONNECTIONS = Listing.of("connections", Scope.NODE, "connections", "ctl.info.list.connections")
            .fields("auth_mechanism", "channel_max", "channels", "client_properties", "connected_at", "frame_max",
                    "host", "name", "peer_cert_issuer", "peer_cert_subject", "peer_cert_validity", "peer_host",
                    "peer_port", "port", "recv_cnt", "recv_oct", "send_cnt", "send_oct", "send_pend", "ssl",
                    "ssl_cipher", "ssl_hash", "ssl_key_exchange", "ssl_protocol", "state", "timeout", "user", "vhost")
            .column(Column.at("pid", "name"))
            .column(Column.field("protocol").shownAs(TableValues::protocol))
            .defaults("user", "peer_host", "peer_port", "state");

    static final Listing CHANNELS = Listing.of("channels", Scope.NODE, "channels", "ctl.info.list.channels")
            .fields("acks_uncommitted", "confirm", "consumer_count", "global_prefetch_count", "messages_unacknowledged",
                    "messages_uncommitted", "messages_unconfirmed", "name", "number", "prefetch_count",
                    "transactional", "user", "vhost")
            .column(Column.at("pid", "name"))
            .column(Column.at("connection", "connection_details", "name"))
            .defaults("pid", "user", "consumer_count", "messages_unacknowledged");

    static final Listing CONSUMERS = Listing.of("consumers", Scope.VHOST, "consumers/%s",
                    "ctl.info.list.consumers")
            .column(Column.at("queue_name", "queue", "name"))
            .column(Column.at("channel_pid", "channel_details", "name"))
            .fields("consumer_tag", "ack_required", "prefetch_count", "active", "activity_status", "arguments")
            .defaults("queue_name", "channel_pid", "consumer_tag", "ack_required", "prefetch_count", "active",
                    "arguments");

    static final Listing USERS = Listing.of("users", Scope.NODE, "users", "ctl.info.list.users")
            .column(Column.at("user", "name"))
            .column(new Column("tags", Listings::tags, TableValues::render))
            .defaults("user", "tags");

    static final Listing VHOSTS = Listing.of("vhosts", Scope.NODE, "vhosts", "ctl.info.list.vhosts")
            .fields("default_queue_type", "description", "name", "tags", "tracing")
            .column(Column.field("cluster_state").shownAs(TableValues::pairs))
            .defaults("name");

    static final Listing PERMISSIONS = Listing.of("permissions", Scope.VHOST, "vhosts/%s/permissions",
                    "ctl.info.list.permissions")
            .fields("user", "configure", "write", "read")
            .defaults("user", "configure", "write", "read");

    static final Listing USER_PERMISSIONS = Listing.of("permissions", Scope.USER, "users/%s/permissions",
                    "ctl.info.list.userPermissions")
            .fields("vhost", "configure", "write", "read")
            .defaults("vhost", "configure", "write", "read");

    static final Listing POLICIES = policies("policies", "policies/%s", "ctl.info.list.policies");

    static final Listing OPERATOR_POLICIES = policies("operator policies", "operator-policies/%s",
            "ctl.info.list.operatorPolicies");

    private static Listing policies(String what, String resource, String heading) {
        return Listing.of(what, Scope.VHOST, resource, heading)
                .fields("vhost", "name", "pattern", "apply-to", "priority")
                .column(new Column("definition", policy -> TextNode.valueOf(TableValues.json(policy.path("definition"))),
                        TableValues::render))
                .defaults("vhost", "name", "pattern", "apply-to", "definition", "priority");
    }

    private Listings() {
    }

    /** A user's tags as a JSON list, whether the API sends a list or (before 3.9) "a,b". */
    private static JsonNode tags(JsonNode user) {
        ArrayNode list = ManagementClient.JSON.createArrayNode();
        UserCommands.tags(user).forEach(list::add);
        return list;
    }
}
