package io.payops.ui.replay;

import io.payops.common.Json;
import io.payops.store.SessionMeta;
import io.payops.store.SessionRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the newest recorded sessions in a {@code sessions} folder by their meta.json. Reads files: not on the FX thread. */
public final class RecentSessions {
    public static final int MAX = 10;

    private RecentSessions() {
    }

    /**
     * The newest sessions first (by their start time), at most {@code max}. A folder whose meta.json is missing or
     * cannot be parsed is skipped: the menu lists what can be opened, and Open session… says why the rest cannot.
     */
    public static List<RecentSession> list(Path sessionsDir, int max) {
        List<RecentSession> found = new ArrayList<>();
        if (!Files.isDirectory(sessionsDir)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(sessionsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                try {
                    SessionMeta m = Json.mapper().readValue(d.resolve(SessionRecorder.META).toFile(), SessionMeta.class);
                    if (m != null && m.scenario() != null) {
                        found.add(new RecentSession(d, m.id() == null ? d.getFileName().toString() : m.id(),
                                m.startedAt(), m.scenario().name(), m.status(), m.frames()));
                    }
                } catch (IOException | RuntimeException e) {
                    // unreadable: not listed (see above)
                }
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(Comparator.comparing((RecentSession s) -> s.startedAt() == null ? "" : s.startedAt())
                .thenComparing(s -> s.dir().getFileName().toString()).reversed());
        return List.copyOf(found.subList(0, Math.min(max, found.size())));
    }
}
