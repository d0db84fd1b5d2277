package io.payops.ui.ingest;

import io.payops.ingest.EventLogStats;

import java.time.Instant;

/**
 * How far a run over an event log has come, taken on the engine thread after a tick and handed to the FX thread:
 * the reader's counts, the run time reached, the wall-clock instant of run time 0 (null before the first event),
 * and whether the run is over ({@code ended}) because the whole file was read ({@code finished}) or it was stopped.
 */
record EventLogProgress(EventLogStats stats, long simMillis, Instant origin, boolean ended, boolean finished) {
    /** The absolute time the run has reached, or null before the first event. */
    Instant reachedAt() {
        return origin == null ? null : origin.plusMillis(simMillis);
    }
}
