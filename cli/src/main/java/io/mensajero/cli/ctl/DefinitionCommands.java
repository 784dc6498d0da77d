package io.mensajero.cli.ctl;

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
            throw MensajeroException.usage("--format must be json: the management API speaks JSON (was '"
                    + format + "')");
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
            String definitions = session.api().getText("export definitions", "definitions");
            if ("-".equals(file)) {
                session.out().text(definitions);
                return;
            }
            session.out().info("Exporting definitions in JSON to a file at \"" + file + "\" ...");
            try {
                Files.writeString(Path.of(file), definitions, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw MensajeroException.usage("cannot write the definitions to " + file + " (" + reason(e) + ")");
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
            String source = stdin ? "standard input" : file;
            String text = stdin ? readStdin() : readFile(file);
            JsonNode definitions;
            try {
                definitions = ManagementClient.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw MensajeroException.usage("the definitions in " + source + " are not valid JSON (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                        + e.getOriginalMessage() + ")");
            }
            if (definitions == null || !definitions.isObject()) {
                throw MensajeroException.usage("the definitions in " + source + " must be a JSON object, as "
                        + "export_definitions writes them");
            }
            session.out().info("Importing definitions in JSON from " + (stdin ? "standard input"
                    : "a file at \"" + file + "\"") + " ...");
            session.api().post("import the definitions in " + source, "definitions", definitions);
            session.out().done("Definitions imported.");
        }

        private static String readFile(String file) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw MensajeroException.usage("file " + file + " does not exist");
            } catch (IOException e) {
                throw MensajeroException.usage("cannot read " + file + " (" + reason(e) + ")");
            }
        }

        private static String readStdin() {
            try {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw MensajeroException.usage("cannot read the definitions from standard input (" + reason(e) + ")");
            }
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName()
                + ": " + e.getMessage();
    }
}
