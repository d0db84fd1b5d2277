package io.payops.store;

import io.payops.domain.Lesson;
import io.payops.sim.Scenario;

import java.util.List;

/**
 * {@code sessions/<id>/meta.json}: what was recorded (the whole scenario, world included, so a replay and a what-if
 * need nothing else), with which policy and settings, and how the recording stands. It is rewritten atomically while
 * recording; after a crash it may lag the frames, so readers count frames themselves and trust {@code frames} only as
 * a hint.
 *
 * @param lessons what the agent had learnt when the session started (a what-if starts from the same)
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
        List<Lesson> lessons,
        long frames,
        long lastSimMillis,
        long droppedFrames,
        String status,
        String note) {
    public static final int FORMAT = 1;
    public static final String RECORDING = "recording";
    public static final String COMPLETE = "complete";
    public static final String STOPPED = "stopped";

    public SessionMeta {
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }

    public SessionMeta progress(long frameCount, long simMillis, long dropped) {
        return new SessionMeta(format, id, startedAt, endedAt, scenario, policy, approval, reasoner, tickMillis, live,
                lessons, frameCount, simMillis, dropped, status, note);
    }

    public SessionMeta ended(String at, String newStatus, String newNote) {
        return new SessionMeta(format, id, startedAt, at, scenario, policy, approval, reasoner, tickMillis, live,
                lessons, frames, lastSimMillis, droppedFrames, newStatus, newNote);
    }
}
