package io.mensajero.scenarios.ctl;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code set_policy} stores a policy with its pattern, definition, priority and what it applies
 * to; {@code list_policies} shows it as rabbitmqctl does (the definition as JSON text);
 * {@code clear_policy} removes it, and clearing it again is refused. The operator-policy commands
 * likewise, with rabbitmqctl's words ("operator policy override").
 */
class CtlSetsListsAndClearsPolicies {

    @EachBroker
    void setListClear(BrokerUnderTest broker) {
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            String v = scratch.name();
            Ctl.Result set = Ctl.ok(broker, "set_policy", "-p", v, "short-queues", "^ctl\\.", "{\"max-length\":2}",
                    "--priority", "5", "--apply-to", "queues");
            assertThat(set.out()).isEqualTo("Setting policy \"short-queues\" for pattern \"^ctl\\.\" to "
                    + "\"{\"max-length\":2}\" with priority \"5\" for vhost \"" + v + "\" ...\n");
            Ctl.ok(broker, "set_policy", "-p", v, "everything", ".*", "{\"message-ttl\":60000}");

            Ctl.Result listed = Ctl.ok(broker, "list_policies", "-p", v);
            assertThat(listed.out()).startsWith("Listing policies for vhost \"" + v + "\" ...\n"
                    + "vhost\tname\tpattern\tapply-to\tdefinition\tpriority\n");
            assertThat(listed.rows()).contains(List.of(v, "short-queues", "^ctl\\.", "queues", "{\"max-length\":2}", "5"),
                    List.of(v, "everything", ".*", "all", "{\"message-ttl\":60000}", "0"));
            assertThat(Ctl.json(broker, "list_policies", "-p", v).toString()).contains("{\"vhost\":\"" + v
                    + "\",\"name\":\"short-queues\",\"pattern\":\"^ctl\\\\.\",\"apply-to\":\"queues\","
                    + "\"definition\":\"{\\\"max-length\\\":2}\",\"priority\":5}");

            assertThat(Ctl.ok(broker, "clear_policy", "-p", v, "short-queues").out())
                    .isEqualTo("Clearing policy \"short-queues\" on vhost \"" + v + "\" ...\n");
            assertThat(Ctl.rows(broker, "list_policies", "-p", v)).extracting(row -> row.get(1))
                    .containsExactly("everything");
            assertThat(Ctl.fails(broker, 6, "clear_policy", "-p", v, "short-queues"))
                    .isEqualTo("mensajero: policy 'short-queues' does not exist in vhost '" + v + "'");
        }
    }

    @EachBroker
    void setListClearOperatorPolicies(BrokerUnderTest broker) {
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            String v = scratch.name();
            Ctl.Result set = Ctl.ok(broker, "set_operator_policy", "-p", v, "cap", "^ctl\\.", "{\"max-length\":3}",
                    "--priority", "2", "--apply-to", "queues");
            assertThat(set.out()).isEqualTo("Setting operator policy override \"cap\" for pattern \"^ctl\\.\" to "
                    + "\"{\"max-length\":3}\" with priority \"2\" for vhost \"" + v + "\" ...\n");
            Ctl.Result listed = Ctl.ok(broker, "list_operator_policies", "-p", v);
            assertThat(listed.out()).startsWith("Listing operator policy overrides for vhost \"" + v + "\" ...\n"
                    + "vhost\tname\tpattern\tapply-to\tdefinition\tpriority\n");
            assertThat(Ctl.rows(broker, "list_operator_policies", "-p", v))
                    .containsExactly(List.of(v, "cap", "^ctl\\.", "queues", "{\"max-length\":3}", "2"));
            assertThat(Ctl.rows(broker, "list_policies", "-p", v)).isEmpty();
            assertThat(Ctl.fails(broker, 6, "set_operator_policy", "-p", v, "dlx", ".*",
                    "{\"dead-letter-exchange\":\"x\"}")).contains("are not recognised policy settings");
            assertThat(Ctl.ok(broker, "clear_operator_policy", "-p", v, "cap").out())
                    .isEqualTo("Clearing operator policy \"cap\" on vhost \"" + v + "\" ...\n");
            assertThat(Ctl.rows(broker, "list_operator_policies", "-p", v)).isEmpty();
            assertThat(Ctl.fails(broker, 6, "clear_operator_policy", "-p", v, "cap"))
                    .isEqualTo("mensajero: operator policy 'cap' does not exist in vhost '" + v + "'");
        }
    }
}
