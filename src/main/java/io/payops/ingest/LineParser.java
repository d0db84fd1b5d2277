package io.payops.ingest;

/** Turns one line of an event log into {@link EventFields}, or says what is wrong with it. */
interface LineParser {
    void parse(byte[] buf, int off, int len, EventFields out) throws LineProblem;
}
