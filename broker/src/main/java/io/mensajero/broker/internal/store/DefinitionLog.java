package io.mensajero.broker.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions file, {@code definitions.jsonl}: one JSON object per line,
 * {@code {"op":"put","kind":...,"key":...,"value":{...}}} or {@code {"op":"remove",...}}. At start
 * it is read (a torn last line is ignored and logged) and rewritten compacted, atomically (a
 * temporary file, fsync, rename); afterwards changes are appended by the store thread and fsynced
 * with the batch they belong to, before any message record queued after them is confirmed.
 */
final class DefinitionLog implements DefinitionStore {
    static final String FILE = "definitions.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(DefinitionLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Store store;
    private final Path file;
    private final List<Definition> loaded;
    private FileChannel out;
    private boolean dirty;

    private DefinitionLog(Store store, Path file, List<Definition> loaded) {
        this.store = store;
        this.file = file;
        this.loaded = loaded;
    }

    static DefinitionLog open(Store store, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Map<String, Definition> live = new LinkedHashMap<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Map<String, Object> rec = JSON.readValue(line, MAP);
                    String kind = (String) rec.get("kind");
                    String key = (String) rec.get("key");
                    if ("remove".equals(rec.get("op"))) {
                        live.remove(kind + "\0" + key);
                    } else {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> value = (Map<String, Object>) rec.get("value");
                        live.put(kind + "\0" + key, new Definition(kind, key, value));
                    }
                } catch (JsonProcessingException | ClassCastException e) {
                    LOG.warn("{}: line {} unreadable, ignored ({} lines after it)", file, i + 1, lines.size() - i - 1);
                    break;
                }
            }
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Definition d : live.values()) {
                ByteBuffer b = ByteBuffer.wrap(line("put", d.kind(), d.key(), d.value()));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            ch.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DefinitionLog log = new DefinitionLog(store, file, List.copyOf(new ArrayList<>(live.values())));
        log.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return log;
    }

    private static byte[] line(String op, String kind, String key, Map<String, Object> value) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("op", op);
        rec.put("kind", kind);
        rec.put("key", key);
        if (value != null) {
            rec.put("value", value);
        }
        try {
            return (JSON.writeValueAsString(rec) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("definition " + kind + " " + key + " is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String kind, String key, Map<String, Object> value) {
        append(line("put", kind, key, value));
    }

    @Override
    public void remove(String kind, String key) {
        append(line("remove", kind, key, null));
    }

    private void append(byte[] bytes) {
        store.submit(io -> {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                out.write(b);
            }
            dirty = true;
        });
    }

    @Override
    public List<Definition> loadAll() {
        return loaded;
    }

    /** Store thread: fsyncs what this batch appended. */
    void sync() throws IOException {
        if (dirty) {
            out.force(false);
            dirty = false;
        }
    }

    void close() throws IOException {
        sync();
        out.close();
    }
}
