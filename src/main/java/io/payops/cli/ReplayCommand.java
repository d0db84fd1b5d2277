package io.payops.cli;

import io.payops.store.SessionReader;
import io.payops.ui.ConsoleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code payops replay SESSION_DIR} (DESIGN §5.1): opens the console on a recorded session. The folder is read once
 * before any window opens, so a bad one is exit 2 with the reader's message, as {@code console} does for bad options.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Open the console on a recorded session (a folder under state/sessions/).")
public final class ReplayCommand implements Callable<Integer> {
    /** Where warnings go: System.err from the jar, a test's own stream in-process (PayOps.run). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SESSION_DIR", description = "The session folder (meta.json, frames).")
    Path session;

    /** For the window's layout and Recent sessions; default: the one the session sits in (<state>/sessions), else state. */
    @picocli.CommandLine.Mixin
    StateDirOption state = new StateDirOption();

    @Override
    public Integer call() {
        return ConsoleCommand.open(validated());
    }

    ConsoleOptions validated() {
        // readable, or exit 2 with the reader's message; the window opens it again on its own thread, with a progress
        // bar, and shows the warnings (a torn or damaged end read up to, a rebuilt index) in its banner: they are
        // said here too, as what-if says them, for whoever started it from a terminal
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            for (String w : r.warnings()) {
                spec.commandLine().getErr().println("payops: warning: session '" + session + "': " + w);
            }
        }
        Path stateDir = state.orElse(stateOf(session));
        return ConsoleOptions.replay(session, stateDir);
    }

    /** {@code <state>/sessions/<id>} → {@code <state>}, so Recent sessions lists its neighbours. */
    static Path stateOf(Path session) {
        Path parent = session.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("sessions")
                && parent.getParent() != null) {
            return parent.getParent();
        }
        return Path.of("state");
    }
}
