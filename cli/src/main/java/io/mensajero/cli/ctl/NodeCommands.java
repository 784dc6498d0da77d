package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
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
        var overview = session.api().get(Text.of("ctl.op.overview"), "overview");
        String product = overview.path("product_name").asText("");
        if (!"Mensajero".equals(product)) {
            throw Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.mensajeroOnly", command.name(),
                    product.isEmpty() ? Text.of("ctl.error.mensajeroOnly.thisBroker") : Text.literal(product)), null);
        }
        return overview.path("node").asText("mensajero");
    }

    /** {@code PUT /api/mensajero/SETTING} on Mensajero's broker, e.g. the disk free limit. */
    static void setLimit(CtlSubcommand command, Session session, String limit, Text shown, String setting,
                         ObjectNode body) {
        String node = requireMensajero(command, session);
        session.out().info(Text.of("ctl.info.setLimit", Text.of("ctl.limit." + limit), node, shown));
        session.api().put(Text.of("ctl.op.setLimit", Text.of("ctl.limit." + limit)), "mensajero/" + setting, body);
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
            session.out().info(Text.of("ctl.info.stopApp", node));
            session.api().post(Text.of("ctl.op.stopApp"), "mensajero/stop_app", "{}");
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
            session.out().info(Text.of("ctl.info.startApp", node));
            session.api().post(Text.of("ctl.op.startApp"), "mensajero/start_app", "{}");
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
            Text shown;
            if (value.size() == 2 && "absolute".equals(value.get(0))) {
                body.put("absolute", Sizes.bytes(value.get(1)).orElseThrow(() -> usage("ctl.error.memoryAmount",
                        value.get(1))));
                shown = Text.of("ctl.limit.bytes", value.get(1));
            } else if (value.size() == 1) {
                double fraction = Sizes.fraction(value.get(0)).filter(f -> f <= 1.0)
                        .orElseThrow(() -> usage("ctl.error.memoryFraction", value.get(0)));
                body.put("relative", fraction);
                shown = Text.literal(value.get(0));
            } else {
                throw usage("ctl.error.memoryForm");
            }
            setLimit(this, session, "memory", shown, "vm_memory_high_watermark", body);
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
            Text shown;
            if (value.size() == 2 && "mem_relative".equals(value.get(0))) {
                body.put("mem_relative", Sizes.fraction(value.get(1)).orElseThrow(() -> usage("ctl.error.diskFraction",
                        value.get(1))));
                shown = Text.of("ctl.limit.timesRam", value.get(1));
            } else if (value.size() == 1) {
                body.put("absolute", Sizes.bytes(value.get(0)).orElseThrow(() -> usage("ctl.error.diskAmount",
                        value.get(0))));
                shown = Text.of("ctl.limit.bytes", value.get(0));
            } else {
                throw usage("ctl.error.diskForm");
            }
            setLimit(this, session, "disk", shown, "disk_free_limit", body);
        }
    }
}
