package io.mensajero.cli.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application class-data-sharing archive for {@link Participant}s, so that the many short
 * JVMs the lab and the scenarios start load their classes (picocli, Jackson, amqp-client, the
 * commands) from a memory-mapped archive instead of from jars. The archive is made once, by a
 * training run ({@code send} to a port where nothing listens: it loads the command line, the
 * client and the connection code, then fails), and kept in the temporary directory under a name
 * made from the class path, the jars' sizes and times and the JVM, so a rebuilt jar gets a new
 * one (archives made more than two days before are removed then). As the {@code ./mensajero} launcher
 * does for the broker.
 *
 * <p>Java 17 archives classes from jars only, and refuses to archive when a directory with classes
 * is on the class path: so the archive covers the jars of the class path, which is reordered to
 * put them first (a test's own class directories come after them, which the JVM allows), and it
 * is used only when the commands themselves come from a jar (the scenarios, the shaded jar; not
 * the cli module's own tests, whose commands are a class directory). Any failure means no archive:
 * the participants then start as before. {@code -Dmensajero.participant.cds=false} turns it off.
 */
final class ClassDataSharing {
    private static final String TRAINING_URI = "amqp://guest:guest@127.0.0.1:1/%2F";
    private static volatile Options options;

    private ClassDataSharing() {
    }

    /** The class path and the JVM options a participant starts with. */
    record Options(String classPath, List<String> jvmOptions) {
    }

    /** Decided once per JVM (the first participant may wait a few seconds for the training run). */
    static Options options(String java, List<String> baseOptions) {
        Options known = options;
        if (known == null) {
            synchronized (ClassDataSharing.class) {
                known = options;
                if (known == null) {
                    known = decide(java, baseOptions);
                    options = known;
                }
            }
        }
        return known;
    }

    private static Options decide(String java, List<String> baseOptions) {
        String classPath = System.getProperty("java.class.path");
        Options plain = new Options(classPath, List.of());
        if (!Boolean.parseBoolean(System.getProperty("mensajero.participant.cds", "true")) || !commandsInAJar()) {
            return plain;
        }
        List<String> jars = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)) ? jars : others).add(entry);
        }
        if (jars.isEmpty()) {
            return plain;
        }
        String jarPath = String.join(File.pathSeparator, jars);
        List<String> ordered = new ArrayList<>(jars);
        ordered.addAll(others);
        String reordered = String.join(File.pathSeparator, ordered);
        try {
            Path archive = Path.of(System.getProperty("java.io.tmpdir"),
                    "mensajero-participant-" + fingerprint(java, baseOptions, jars) + ".jsa");
            if (!Files.isRegularFile(archive) && !train(java, baseOptions, jarPath, archive)) {
                return plain;
            }
            return new Options(reordered, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        } catch (IOException | RuntimeException e) {
            return plain;
        }
    }

    /** The commands (this class's module) were loaded from a jar, which an archive can hold. */
    private static boolean commandsInAJar() {
        try {
            return ClassDataSharing.class.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith(".jar");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code send} once with the archive written at exit; true when it was. */
    private static boolean train(String java, List<String> baseOptions, String jarPath, Path archive) throws IOException {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(baseOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", jarPath, "io.mensajero.cli.Main", "send", "training", "--uri", TRAINING_URI, "--json"));
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!training.waitFor(2, TimeUnit.MINUTES)) {
                training.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            Files.deleteIfExists(partial);
            return false;
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        removeStale(archive);
        return true;
    }

    /**
     * Each build's jar gets its own archive (8-9 MB): those made more than two days ago belong to
     * builds gone by and are removed, so the temporary directory does not fill up. A JVM that still
     * maps one keeps its mapping.
     */
    private static void removeStale(Path made) {
        long before = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2);
        try (var old = Files.newDirectoryStream(made.getParent(), "mensajero-participant-*.jsa")) {
            for (Path p : old) {
                if (!p.equals(made) && Files.getLastModifiedTime(p).toMillis() < before) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover archive is harmless
        }
    }

    /** What the archive depends on: the JVM, its options, and each jar's path, size and time. */
    private static String fingerprint(String java, List<String> baseOptions, List<String> jars) throws IOException {
        StringBuilder all = new StringBuilder(java).append('\n').append(System.getProperty("java.vm.version"))
                .append('\n').append(baseOptions).append('\n');
        for (String jar : jars) {
            Path p = Path.of(jar);
            all.append(jar).append(' ').append(Files.size(p)).append(' ')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
