package io.mensajero.cli.ctl;

import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** rabbitmqctl's {@code list_*} commands: a table of what the API lists, in the columns asked for. */
final class ListCommands {
    private ListCommands() {
    }

    /** A listing with optional column arguments, like rabbitmqctl's, in the vhost of -p (if it has one). */
    abstract static class ListCommand extends CtlSubcommand {
        @Parameters(paramLabel = "COLUMN", arity = "0..*",
                description = "Columns to show (default: rabbitmqctl's); see the command's description.")
        List<String> columns = new ArrayList<>();

        private final Listing listing;

        ListCommand(Listing listing) {
            this.listing = listing;
        }

        /** A line rabbitmqctl prints before the heading, or null. */
        Text preamble() {
            return null;
        }

        @Override
        void run(Session session) {
            list(this, session, listing, session.vhost(), columns, preamble());
        }
    }

    /** Prints the listing of the vhost or user {@code subject} in the columns asked for. */
    static void list(CtlSubcommand command, Session session, Listing listing, String subject, List<String> columns,
                     Text preamble) {
        List<String> asked = new ArrayList<>();
        columns.forEach(c -> asked.add(c.trim().toLowerCase(Locale.ROOT).replaceAll(",$", "")));
        asked.removeIf(String::isEmpty);
        listing.unknown(asked).ifPresent(bad -> {
            throw command.usage("ctl.error.infoKeys", bad, command.name(), String.join(", ", listing.columns().keySet()));
        });
        if (preamble != null) {
            session.out().info(preamble);
        }
        session.out().info(Text.of(listing.heading(), subject));
        JsonNode items;
        try {
            items = session.api().get(Text.of("ctl.op.list." + listing.what().replace(' ', '-')), listing.path(subject));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e.refused();
            }
            throw listing.scope() == Listing.Scope.USER ? Session.noSuchUser(subject) : Session.noSuchVhost(subject);
        }
        List<JsonNode> rows = new ArrayList<>();
        items.forEach(rows::add);
        session.out().rows(listing.select(asked), rows);
    }

    @Command(name = "list_queues", aliases = "list-queues",
            description = {"Lists queues and their properties.", "Columns: arguments, auto_delete, consumer_capacity, "
                    + "consumer_utilisation, consumers, durable, exclusive, exclusive_consumer_tag, "
                    + "head_message_timestamp, memory, message_bytes(_persistent, _ram, _ready, _unacknowledged), "
                    + "messages(_persistent, _ram, _ready, _ready_ram, _unacknowledged, _unacknowledged_ram), name, "
                    + "policy, state, type, and rabbitmqctl's others (empty where the API has no value). "
                    + "Default: name messages."})
    static final class ListQueues extends ListCommand {
        @Option(names = {"--online", "--local"}, hidden = true,
                description = "Accepted for rabbitmqctl's sake: every queue of the broker is listed.")
        boolean onlineOrLocal;

        ListQueues() {
            super(Listings.QUEUES);
        }

        @Override
        Text preamble() {
            return Text.of("ctl.info.timeout", String.valueOf(ctl.timeoutSeconds));
        }
    }

    @Command(name = "list_exchanges", aliases = "list-exchanges",
            description = {"Lists exchanges.",
                    "Columns: arguments, auto_delete, durable, internal, name, policy, type. Default: name type."})
    static final class ListExchanges extends ListCommand {
        ListExchanges() {
            super(Listings.EXCHANGES);
        }
    }

    @Command(name = "list_bindings", aliases = "list-bindings",
            description = {"Lists all bindings on a vhost.", "Columns (all by default): source_name, source_kind, "
                    + "destination_name, destination_kind, routing_key, arguments."})
    static final class ListBindings extends ListCommand {
        ListBindings() {
            super(Listings.BINDINGS);
        }
    }

    @Command(name = "list_connections", aliases = "list-connections",
            description = {"Lists AMQP 0-9-1 connections.", "Columns: auth_mechanism, channel_max, channels, "
                    + "client_properties, connected_at, frame_max, host, name, peer_cert_issuer, peer_cert_subject, "
                    + "peer_cert_validity, peer_host, peer_port, pid (the connection's name, which "
                    + "close_connection takes), port, protocol, recv_cnt, recv_oct, send_cnt, send_oct, send_pend, "
                    + "ssl, ssl_cipher, ssl_hash, ssl_key_exchange, ssl_protocol, state, timeout, user, vhost. "
                    + "Default: user peer_host peer_port state."})
    static final class ListConnections extends ListCommand {
        ListConnections() {
            super(Listings.CONNECTIONS);
        }
    }

    @Command(name = "list_channels", aliases = "list-channels",
            description = {"Lists all channels.", "Columns: acks_uncommitted, confirm, connection, consumer_count, "
                    + "global_prefetch_count, messages_unacknowledged, messages_uncommitted, messages_unconfirmed, "
                    + "name, number, pid (the channel's name), prefetch_count, transactional, user, vhost. "
                    + "Default: pid user consumer_count messages_unacknowledged."})
    static final class ListChannels extends ListCommand {
        ListChannels() {
            super(Listings.CHANNELS);
        }
    }

    @Command(name = "list_consumers", aliases = "list-consumers",
            description = {"Lists all consumers for a vhost.", "Columns (all but activity_status by default): "
                    + "queue_name, channel_pid (the channel's name), consumer_tag, ack_required, prefetch_count, "
                    + "active, activity_status, arguments."})
    static final class ListConsumers extends ListCommand {
        ListConsumers() {
            super(Listings.CONSUMERS);
        }
    }

    @Command(name = "list_users", aliases = "list-users", description = "List user names and tags.")
    static final class ListUsers extends ListCommand {
        ListUsers() {
            super(Listings.USERS);
        }
    }

    @Command(name = "list_vhosts", aliases = "list-vhosts",
            description = {"Lists virtual hosts.",
                    "Columns: cluster_state, default_queue_type, description, name, tags, tracing. Default: name."})
    static final class ListVhosts extends ListCommand {
        ListVhosts() {
            super(Listings.VHOSTS);
        }
    }

    @Command(name = "list_permissions", aliases = "list-permissions",
            description = "Lists user permissions in a virtual host.")
    static final class ListPermissions extends ListCommand {
        ListPermissions() {
            super(Listings.PERMISSIONS);
        }
    }

    @Command(name = "list_policies", aliases = "list-policies", description = "Lists all policies in a virtual host.")
    static final class ListPolicies extends ListCommand {
        ListPolicies() {
            super(Listings.POLICIES);
        }
    }

    @Command(name = "list_operator_policies", aliases = "list-operator-policies",
            description = "Lists operator policy overrides for a virtual host.")
    static final class ListOperatorPolicies extends ListCommand {
        ListOperatorPolicies() {
            super(Listings.OPERATOR_POLICIES);
        }
    }

    @Command(name = "list_user_permissions", aliases = "list-user-permissions",
            description = "Lists permissions of a user across all virtual hosts.")
    static final class ListUserPermissions extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user.")
        String user;

        @Parameters(index = "1..*", paramLabel = "COLUMN", description = "Columns to show (default: all).")
        List<String> columns = new ArrayList<>();

        @Override
        void run(Session session) {
            list(this, session, Listings.USER_PERMISSIONS, user, columns, null);
        }
    }
}
