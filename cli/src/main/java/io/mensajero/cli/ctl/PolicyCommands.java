package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Set;

/**
 * Policies and operator policies: {@code PUT/DELETE /api/policies/VHOST/NAME} and
 * {@code /api/operator-policies/VHOST/NAME}. The broker validates pattern and definition.
 */
final class PolicyCommands {
    private static final Set<String> APPLY_TO = Set.of("queues", "exchanges", "all");

    private PolicyCommands() {
    }

    private static String path(String resource, String vhost, String name) {
        return resource + "/" + ManagementClient.segment(vhost) + "/" + ManagementClient.segment(name);
    }

    /** set_policy and set_operator_policy: the same arguments, another resource and wording. */
    abstract static class SetAny extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Policy name (identifier).")
        String name;

        @Parameters(index = "1", paramLabel = "PATTERN",
                description = "Regular expression matched against the names of queues, exchanges, etc.")
        String pattern;

        @Parameters(index = "2", paramLabel = "DEFINITION",
                description = "Policy definition (arguments), a JSON document, e.g. '{\"max-length\":100}'.")
        String definition;

        @Option(names = "--priority", paramLabel = "N", defaultValue = "0", description = "Policy priority (default 0).")
        int priority;

        @Option(names = "--apply-to", paramLabel = "queues|exchanges|all", defaultValue = "all",
                description = "What the policy applies to (default all).")
        String applyTo;

        private static final String EXAMPLE = "{\"max-length\":100}";
        private final String resource;
        private final String noun;

        /** The API resource (policies, operator-policies), and how rabbitmqctl names what it sets. */
        SetAny(String resource, String noun) {
            this.resource = resource;
            this.noun = noun;
        }

        @Override
        void run(Session session) {
            if (!APPLY_TO.contains(applyTo)) {
                throw usage("ctl.error.applyTo", applyTo);
            }
            JsonNode parsed = definition();
            String vhost = session.vhost();
            session.out().info(Text.of("ctl.info.setPolicy", Text.of(noun), name, pattern, definition,
                    String.valueOf(priority), vhost));
            ObjectNode body = ManagementClient.JSON.createObjectNode();
            body.put("pattern", pattern).put("apply-to", applyTo).put("priority", priority).set("definition", parsed);
            try {
                session.api().put(Text.of("ctl.op.setPolicy", Text.of(noun), name, vhost),
                        path(resource, vhost, name), body);
            } catch (ApiException e) {
                throw e.status() == 404 || e.status() == 400 ? session.explain(e, vhost, null) : e.refused();
            }
            session.out().done(null);
        }

        private JsonNode definition() {
            JsonNode parsed;
            try {
                parsed = ManagementClient.JSON.readTree(definition);
            } catch (JsonProcessingException e) {
                throw usage("ctl.error.definitionNotJson", definition, EXAMPLE);
            }
            if (parsed == null || !parsed.isObject()) {
                throw usage("ctl.error.definitionNotObject", definition, EXAMPLE);
            }
            return parsed;
        }
    }

    @Command(name = "set_policy", aliases = "set-policy", description = "Sets or updates a policy.")
    static final class SetPolicy extends SetAny {
        SetPolicy() {
            super("policies", "ctl.noun.policy");
        }
    }

    @Command(name = "set_operator_policy", aliases = "set-operator-policy",
            description = "Sets an operator policy that overrides a subset of arguments in user policies.")
    static final class SetOperatorPolicy extends SetAny {
        SetOperatorPolicy() {
            super("operator-policies", "ctl.noun.operatorPolicy");
        }
    }

    /** clear_policy and clear_operator_policy. */
    abstract static class ClearAny extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the policy to remove.")
        String name;

        private final String resource;
        private final String noun;

        /** The API resource (policies, operator-policies), and how rabbitmqctl names what it clears. */
        ClearAny(String resource, String noun) {
            this.resource = resource;
            this.noun = noun;
        }

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            session.out().info(Text.of("ctl.info.clearPolicy", Text.of(noun), name, vhost));
            session.delete(Text.of("ctl.op.clearPolicy", Text.of(noun), name, vhost), path(resource, vhost, name),
                    () -> session.vhostExists(vhost) ? Errors.failure(Failure.BROKER_REFUSED,
                            Text.of("ctl.error.noSuchPolicy", Text.of(noun), name, vhost), null)
                            : Session.noSuchVhost(vhost));
            session.out().done(null);
        }
    }

    @Command(name = "clear_policy", aliases = "clear-policy", description = "Clears (removes) a policy.")
    static final class ClearPolicy extends ClearAny {
        ClearPolicy() {
            super("policies", "ctl.noun.policy");
        }
    }

    @Command(name = "clear_operator_policy", aliases = "clear-operator-policy",
            description = "Clears an operator policy.")
    static final class ClearOperatorPolicy extends ClearAny {
        ClearOperatorPolicy() {
            super("operator-policies", "ctl.noun.operatorPolicy.clear");
        }
    }
}
