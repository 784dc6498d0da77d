package io.mensajero.cli.ctl;

import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Set;

/** {@code status}: the broker's node, its version, memory, disk, totals and listeners. */
@Command(name = "status", description = "Displays status of the broker's node.")
final class StatusCommand extends CtlSubcommand {
    private static final Set<String> UNITS = Set.of("bytes", "mb", "gb");

    @Option(names = "--unit", paramLabel = "bytes|mb|gb", defaultValue = "gb",
            description = "Byte multiple to show amounts in (default gb).")
    String unit;

    @Override
    void run(Session session) {
        if (!UNITS.contains(unit)) {
            throw usage("ctl.error.unit", unit);
        }
        JsonNode overview = session.api().get(Text.of("ctl.op.overview"), "overview");
        String nodeName = overview.path("node").asText("");
        int vhosts = session.api().get(Text.of("ctl.op.list.vhosts"), "vhosts").size();
        StatusReport report = new StatusReport(overview, details(session, nodeName), vhosts, unit);
        if (session.out().json()) {
            session.out().document(report.json());
        } else {
            session.out().info(nodeName.isEmpty() ? Text.of("ctl.info.status.broker", session.api().url().toString())
                    : Text.of("ctl.info.status", nodeName));
            session.out().text(report.text());
        }
    }

    /** The node's details, or missing when this broker or user does not get them. */
    private static JsonNode details(Session session, String nodeName) {
        if (nodeName.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return session.api().get(Text.of("ctl.op.nodeDetails"), "nodes/" + ManagementClient.segment(nodeName));
        } catch (ApiException e) {
            return MissingNode.getInstance();
        } catch (MensajeroException e) {
            if (e.failure() == Failure.ACCESS_REFUSED) {
                return MissingNode.getInstance();
            }
            throw e;
        }
    }
}
