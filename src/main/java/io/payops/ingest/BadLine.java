package io.payops.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A line of an event log that was not an event, and why. A topic's record is named by {@code where} ("partition 2
 * offset 41"), its {@code line} being its place in the order read; a file's line has no {@code where}.
 */
public record BadLine(long line, String problem, @JsonInclude(JsonInclude.Include.NON_NULL) String where) {
    public BadLine(long line, String problem) {
        this(line, problem, null);
    }

    @Override
    public String toString() {
        return (where != null ? "record at " + where : "line " + line) + ": " + problem;
    }
}
