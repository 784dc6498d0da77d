package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * What acts on the broker's node. RabbitMQ does these through its Erlang node, not HTTP, so they
 * work on Mensajero's broker only ({@code /api/mensajero/...}); on RabbitMQ they say so and point
 * at rabbitmqctl, exit 6. Mensajero is told apart by {@code product_name} in {@code /api/overview}.
 */
final class NodeCommands {
    private NodeCommands() {
    }

    /** The node's name, after making sure the broker is Mensajero's. */
    static String requireMensajero(CtlSubcommand command, Session session) {
        var overview = session.api().get("read the overview", "overview");
        String product = overview.path("product_name").asText("");
        if (!"Mensajero".equals(product)) {
            throw new MensajeroException(Failure.BROKER_REFUSED, command.name() + " works on Mensajero's broker only: "
                    + (product.isEmpty() ? "this broker" : product) + " does it through its Erlang node, not its "
                    + "management API; run 'rabbitmqctl -n NODE " + command.name() + "' there");
        }
        return overview.path("node").asText("mensajero");
    }

    /** {@code PUT /api/mensajero/SETTING} on Mensajero's broker, e.g. the disk free limit. */
    static void setLimit(CtlSubcommand command, Session session, String limit, String shown, String setting,
                         ObjectNode body) {
        String node = requireMensajero(command, session);
        session.out().info("Setting " + limit + " on " + node + " to " + shown + " ...");
        session.api().put("set the " + limit, "mensajero/" + setting, body);
        session.out().done(null);
    }

    @Command(name = "stop_app", aliases = "stop-app",
            description = {"Mensajero only: stops the broker's application, leaving its process running.",
                    "Closes the AMQP listener and every connection and drops non-durable state; the management "
                            + "API stays. On RabbitMQ use rabbitmqctl."})
    static final class StopApp extends CtlSubcommand {
        @Override
        void run(Session session) {
            String node = requireMensajero(this, session);
            session.out().info("Stopping Mensajero application on node " + node + " ...");
            session.api().post("stop the application", "mensajero/stop_app", "{}");
            session.out().done(null);
        }
    }

    @Command(name = "start_app", aliases = "start-app",
            description = {"Mensajero only: starts the broker's application after stop_app.",
                    "On RabbitMQ use rabbitmqctl."})
    static final class StartApp extends CtlSubcommand {
        @Override
        void run(Session session) {
            String node = requireMensajero(this, session);
            session.out().info("Starting node " + node + " ...");
            session.api().post("start the application", "mensajero/start_app", "{}");
            session.out().done(null);
        }
    }

    @Command(name = "set_vm_memory_high_watermark", aliases = "set-vm-memory-high-watermark",
            description = {"Mensajero only: sets the vm_memory_high_watermark setting.",
                    "A fraction of the memory available (e.g. 0.4), or 'absolute' and an amount (e.g. absolute 2GB). "
                            + "On RabbitMQ use rabbitmqctl."})
    static final class SetVmMemoryHighWatermark extends CtlSubcommand {
        @Parameters(paramLabel = "FRACTION | absolute AMOUNT", arity = "1..2",
                description = "A fraction between 0.0 and 1.0, or 'absolute' and an amount in bytes or with a "
                        + "unit (k, kiB, kB, M, MiB, MB, G, GiB, GB).")
        List<String> value;

        @Override
        void run(Session session) {
            ObjectNode body = ManagementClient.JSON.createObjectNode();
            String shown;
            if (value.size() == 2 && "absolute".equals(value.get(0))) {
                body.put("absolute", Sizes.bytes(value.get(1)).orElseThrow(() -> usage("'" + value.get(1)
                        + "' is not an amount of memory (e.g. 1073741824, 1024MiB, 2GB)")));
                shown = value.get(1) + " bytes";
            } else if (value.size() == 1) {
                double fraction = Sizes.fraction(value.get(0)).filter(f -> f <= 1.0)
                        .orElseThrow(() -> usage("the threshold should be a fraction between 0.0 and 1.0 (was '"
                                + value.get(0) + "')"));
                body.put("relative", fraction);
                shown = value.get(0);
            } else {
                throw usage("give a fraction (e.g. 0.4) or 'absolute' and an amount (e.g. absolute 2GB)");
            }
            setLimit(this, session, "memory threshold", shown, "vm_memory_high_watermark", body);
        }
    }

    @Command(name = "set_disk_free_limit", aliases = "set-disk-free-limit",
            description = {"Mensajero only: sets the disk_free_limit setting.",
                    "An amount (e.g. 50MB), or 'mem_relative' and a fraction of the memory (e.g. mem_relative 1.0). "
                            + "On RabbitMQ use rabbitmqctl."})
    static final class SetDiskFreeLimit extends CtlSubcommand {
        @Parameters(paramLabel = "AMOUNT | mem_relative FRACTION", arity = "1..2",
                description = "An amount in bytes or with a unit (e.g. 50000000, 50MB, 1GiB), or 'mem_relative' "
                        + "and a fraction of the memory.")
        List<String> value;

        @Override
        void run(Session session) {
            ObjectNode body = ManagementClient.JSON.createObjectNode();
            String shown;
            if (value.size() == 2 && "mem_relative".equals(value.get(0))) {
                body.put("mem_relative", Sizes.fraction(value.get(1)).orElseThrow(() -> usage("'" + value.get(1)
                        + "' is not a fraction of the memory (e.g. 1.0)")));
                shown = value.get(1) + " times the total RAM";
            } else if (value.size() == 1) {
                body.put("absolute", Sizes.bytes(value.get(0)).orElseThrow(() -> usage("'" + value.get(0)
                        + "' is not an amount of disk space (e.g. 50000000, 50MB, 1GiB)")));
                shown = value.get(0) + " bytes";
            } else {
                throw usage("give an amount (e.g. 50MB) or 'mem_relative' and a fraction (e.g. mem_relative 1.0)");
            }
            setLimit(this, session, "disk free limit", shown, "disk_free_limit", body);
        }
    }
}
