package io.payops.store;

import com.fasterxml.jackson.core.JacksonException;
import io.payops.common.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a process that died while recording leaves in {@code sessions/}, put right by the next writer under the folder
 * lock (so no one is recording then): a session still marked {@code recording} is marked {@code stopped} with why,
 * and the half-made folder of a session killed while it was being created is removed (it never held a frame).
 */
final class AbandonedSessions {
    static final String NOTE = "the process recording it ended without closing it (killed, crashed or the machine "
            + "stopped); it replays up to its last whole frame";

    private final Path sessionsDir;

    AbandonedSessions(Path sessionsDir) {
        this.sessionsDir = sessionsDir;
    }

    void close(Consumer<String> warnings) {
        if (!Files.isDirectory(sessionsDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int closed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(sessionsDir)) {
            for (Path p : s) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (SessionRecorder.isUnfinishedCreation(p)) {
                    SessionRetention.deleteTree(p);
                } else if (markStopped(p)) {
                    closed++;
                }
            }
        } catch (IOException e) {
            warnings.accept(sessionsDir + ": cannot look for sessions left recording (" + DiskProblem.describe(e) + ")");
        }
        if (closed > 0) {
            warnings.accept(closed + " session" + (closed == 1 ? " was" : "s were") + " left recording by a process "
                    + "that ended without closing " + (closed == 1 ? "it" : "them") + "; marked stopped in "
                    + sessionsDir);
        }
    }

    /** @return whether the session was left recording and is now marked stopped */
    private static boolean markStopped(Path session) {
        Path metaFile = session.resolve(SessionRecorder.META);
        SessionMeta meta;
        try {
            if (!Files.isRegularFile(metaFile, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(metaFile) > JsonFile.MAX_BYTES) {
                return false;
            }
            meta = Json.mapper().readValue(metaFile.toFile(), SessionMeta.class);
        } catch (JacksonException e) {
            return false; // a damaged meta.json is the reader's to report; it is never rewritten from a guess
        } catch (IOException e) {
            return false;
        }
        if (meta == null || !SessionMeta.RECORDING.equals(meta.status())) {
            return false;
        }
        try {
            Instant last = lastWrite(session);
            AtomicFiles.writeInExistingFolder(metaFile, Json.pretty().writeValueAsBytes(
                    meta.ended(last.toString(), SessionMeta.STOPPED, NOTE)));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** When the recording last wrote: the newest of its files' times, the best guess of when the process died. */
    private static Instant lastWrite(Path session) throws IOException {
        try (Stream<Path> s = Files.list(session)) {
            return s.map(p -> {
                try {
                    return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
                } catch (IOException e) {
                    return Instant.EPOCH;
                }
            }).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        }
    }
}
