package org.hardchain.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one stage of the chain did: its name, wall time, instance sizes, and the result of
 * the independent check of that stage (an oracle that does not share code with the
 * construction: SAT4J, brute force, our own CNF evaluator).
 *
 * @param name    the stage, e.g. {@code "SAT -> 3-OV"}
 * @param seconds wall time of the stage (construction and solving, not the check)
 * @param sizes   instance sizes, in insertion order
 * @param check   the verdict of the independent check
 * @param detail  one line saying what was checked, or why the check was skipped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageReport(
        @JsonProperty("name") String name,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("sizes") Map<String, Object> sizes,
        @JsonProperty("check") Check check,
        @JsonProperty("detail") String detail) {

    /** The verdict of a stage's independent check. */
    public enum Check {
        PASSED, SKIPPED, FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StageReport {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }
}
