package io.payops.store;

import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.sim.GatewayProfile;
import io.payops.sim.Scenario;
import io.payops.sim.World;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a session's {@code meta.json} for a reader. Unlike the index, it cannot be rebuilt from the frames: it alone
 * holds the world, the lessons the agent started from and the settings a what-if starts from. So a damaged one is
 * refused (exit 2) with a message naming the field and what it should be, in a person's words, never Jackson's.
 * It is also checked for what parses but cannot be run: a what-if builds an agent from it.
 */
final class SessionMetaFile {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private SessionMetaFile() {
    }

    static SessionMeta read(Path dir, String where) {
        String source = where + ": " + SessionRecorder.META;
        byte[] bytes;
        try {
            if (Files.size(dir.resolve(SessionRecorder.META)) > MAX_BYTES) {
                throw new BadInputException(source + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB (expected "
                        + "the few kilobytes PayOps writes)");
            }
            bytes = Files.readAllBytes(dir.resolve(SessionRecorder.META));
        } catch (NoSuchFileException e) {
            throw new BadInputException(where + ": no " + SessionRecorder.META + " (expected a folder written by "
                    + "PayOps, e.g. state/sessions/<id>)");
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot read " + SessionRecorder.META + " (" + e.getMessage() + ")", e);
        }
        SessionMeta meta;
        try {
            meta = Json.mapper().readValue(bytes, SessionMeta.class);
        } catch (IOException e) {
            throw new BadInputException(source + " is not valid: " + JsonProblem.describe(e), e);
        } catch (RuntimeException e) {
            throw new BadInputException(source + " is not valid: its values do not make a session's settings", e);
        }
        if (meta == null) {
            throw new BadInputException(source + " is not valid: it holds null (expected the session's settings)");
        }
        if (meta.format() != SessionMeta.FORMAT) {
            throw new BadInputException(where + ": recording format " + meta.format() + " (expected "
                    + SessionMeta.FORMAT + ")");
        }
        check(source, meta);
        return meta;
    }

    /** What parses but cannot be replayed or run again: a missing scenario or world, a lesson without its parts. */
    private static void check(String source, SessionMeta meta) {
        Scenario s = meta.scenario();
        if (s == null) {
            throw new BadInputException(source + " names no scenario");
        }
        World w = s.world();
        if (w == null || w.gateways().isEmpty()) {
            throw new BadInputException(source + ": field 'scenario.world' "
                    + (w == null ? "is missing" : "has no gateways") + " (expected the world the session ran in)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < w.gateways().size(); i++) {
            GatewayProfile g = w.gateways().get(i);
            if (g == null || g.name() == null || g.name().isBlank() || !names.add(g.name())) {
                throw new BadInputException(source + ": field 'scenario.world.gateways[" + i + "]' "
                        + (g == null || g.name() == null || g.name().isBlank() ? "has no name" : "repeats the name '"
                        + g.name() + "'") + " (expected each gateway once, by name)");
            }
        }
        try {
            StateFiles.Lessons.check(new StateFiles.Lessons(StateFiles.FORMAT, meta.lessons()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(source + ": field " + e.getMessage(), e);
        }
    }
}
