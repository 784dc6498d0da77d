package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Definitions (users with their password hashes, vhosts, permissions, queues, exchanges, bindings,
 * policies) as one JSON document: {@code GET/POST /api/definitions}, the same format on both
 * brokers, so definitions move between them.
 */
final class DefinitionCommands {
    private DefinitionCommands() {
    }

    static void checkFormat(String format) {
        if (!"json".equals(format)) {
            throw Errors.usage("ctl.error.format", format);
        }
    }

    @Command(name = "export_definitions", aliases = "export-definitions",
            description = {"Exports definitions in JSON.",
                    "Users (with password hashes), vhosts, permissions, queues, exchanges, bindings and policies, "
                            + "to a file, or to stdout with '-'."})
    static final class ExportDefinitions extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "FILE|-", description = "Local file path to export to; - for stdout.")
        String file;

        @Option(names = "--format", paramLabel = "json", defaultValue = "json", description = "Only json.")
        String format;

        @Override
        void run(Session session) {
            checkFormat(format);
            String definitions = session.api().getText(Text.of("ctl.op.export"), "definitions");
            if ("-".equals(file)) {
                session.out().text(definitions);
                return;
            }
            session.out().info(Text.of("ctl.info.export", file));
            try {
                Files.writeString(Path.of(file), definitions, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Errors.usage("ctl.error.write", file, reason(e));
            }
            session.out().done(null);
        }
    }

    @Command(name = "import_definitions", aliases = "import-definitions",
            description = {"Imports definitions in JSON.",
                    "From a file, or from stdin with '-' or no file, as export_definitions writes them."})
    static final class ImportDefinitions extends CtlSubcommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
                description = "Local file path to import from; - or none for stdin.")
        String file;

        @Option(names = "--format", paramLabel = "json", defaultValue = "json", description = "Only json.")
        String format;

        @Option(names = "--skip-if-unchanged", hidden = true, description = "Accepted for rabbitmqctl's sake.")
        boolean skipIfUnchanged;

        @Override
        void run(Session session) {
            checkFormat(format);
            boolean stdin = file == null || "-".equals(file);
            Text source = stdin ? Text.of("ctl.stdin") : Text.literal(file);
            String text = stdin ? readStdin() : readFile(file);
            JsonNode definitions;
            try {
                definitions = ManagementClient.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw Errors.usage("ctl.error.definitionsNotJson", source, String.valueOf(e.getLocation().getLineNr()),
                        String.valueOf(e.getLocation().getColumnNr()), e.getOriginalMessage());
            }
            if (definitions == null || !definitions.isObject()) {
                throw Errors.usage("ctl.error.definitionsNotObject", source);
            }
            session.out().info(stdin ? Text.of("ctl.info.import.stdin") : Text.of("ctl.info.import", file));
            session.api().post(Text.of("ctl.op.import", source), "definitions", definitions);
            session.out().done(Text.of("ctl.info.import.done"));
        }

        private static String readFile(String file) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw Errors.usage("ctl.error.noFile", file);
            } catch (IOException e) {
                throw Errors.usage("ctl.error.read", file, reason(e));
            }
        }

        private static String readStdin() {
            try {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Errors.usage("ctl.error.readStdin", reason(e));
            }
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName()
                + ": " + e.getMessage();
    }
}
