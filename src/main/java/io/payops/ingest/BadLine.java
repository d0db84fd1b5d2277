package io.payops.ingest;

/** A line of an event log that was not an event, and why. */
public record BadLine(long line, String problem) {
    @Override
    public String toString() {
        return "line " + line + ": " + problem;
    }
}
