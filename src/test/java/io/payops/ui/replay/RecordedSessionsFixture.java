package io.payops.ui.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;
import io.payops.store.SessionRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a recorded session under another name and start time, for the Recent sessions menu. */
final class RecordedSessionsFixture {
    private RecordedSessionsFixture() {
    }

    static void copyWithStart(Path from, Path to, String startedAt) throws IOException {
        Files.createDirectories(to);
        for (String f : new String[] {SessionRecorder.FRAMES, SessionRecorder.INDEX}) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        ObjectNode meta = (ObjectNode) Json.mapper().readTree(from.resolve(SessionRecorder.META).toFile());
        meta.put("startedAt", startedAt);
        meta.put("id", to.getFileName().toString());
        Files.write(to.resolve(SessionRecorder.META), Json.mapper().writeValueAsBytes(meta));
    }
}
