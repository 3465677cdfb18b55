package org.hardchain.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON reports (the {@code --json R} option of every command). Reports are maps or records;
 * their keys are the snake_case names the issues specify. Files are written atomically.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serializes {@code report} as pretty-printed JSON. */
    public static String toString(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize report: " + e.getMessage(), e);
        }
    }

    /** Writes {@code report} to {@code file} atomically, with a final newline. */
    public static void write(Path file, Object report) throws IOException {
        String text = toString(report) + System.lineSeparator();
        AtomicFiles.writeString(file, text);
    }
}
