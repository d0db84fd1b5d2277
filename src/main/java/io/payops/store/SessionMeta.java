package io.payops.store;

import io.payops.sim.Scenario;

/**
 * {@code sessions/<id>/meta.json}: what was recorded (the whole scenario, world included, so a replay and a what-if
 * need nothing else), with which policy and settings, and how the recording stands. It is rewritten atomically while
 * recording; after a crash it may lag the frames, so readers count frames themselves and trust {@code frames} only as
 * a hint.
 *
 * @param status {@code recording}, {@code complete}, {@code stopped} (disk trouble or the size limit; see
 *               {@code note}) — a crashed session stays {@code recording}
 */
public record SessionMeta(
        int format,
        String id,
        String startedAt,
        String endedAt,
        Scenario scenario,
        String policy,
        String approval,
        String reasoner,
        long tickMillis,
        boolean live,
        long frames,
        long lastSimMillis,
        long droppedFrames,
        String status,
        String note) {
    public static final int FORMAT = 1;
    public static final String RECORDING = "recording";
    public static final String COMPLETE = "complete";
    public static final String STOPPED = "stopped";

    public SessionMeta progress(long frameCount, long simMillis, long dropped) {
        return new SessionMeta(format, id, startedAt, endedAt, scenario, policy, approval, reasoner, tickMillis, live,
                frameCount, simMillis, dropped, status, note);
    }

    public SessionMeta ended(String at, String newStatus, String newNote) {
        return new SessionMeta(format, id, startedAt, at, scenario, policy, approval, reasoner, tickMillis, live,
                frames, lastSimMillis, droppedFrames, newStatus, newNote);
    }
}
