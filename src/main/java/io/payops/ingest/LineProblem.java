package io.payops.ingest;

/** What is wrong with one event log line; thrown per bad line, so it carries no stack trace. */
final class LineProblem extends Exception {
    LineProblem(String message) {
        super(message, null, false, false);
    }
}
