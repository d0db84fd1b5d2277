package io.payops.cli;

import io.payops.common.BadInputException;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --state DIR}: the state folder (DESIGN §5.6), checked alike by every command that takes it: a folder, or a
 * path where one is created when missing; never a file. What it defaults to is the command's: {@link #orElse}.
 */
public final class StateDirOption {
    @Option(names = "--state", paramLabel = "DIR",
            description = "The state folder (state files, audit log, session recordings, lessons), created when "
                    + "missing. Default: state for the console; the session's own for replay; run persists nothing "
                    + "without it.")
    Path state;

    /**
     * @return the folder given, or null when the option was not
     * @throws BadInputException when it is a file, or lies under one
     */
    public Path given() {
        return state == null ? null : check(state);
    }

    /** The folder given, else {@code fallback}; either checked. */
    public Path orElse(Path fallback) {
        return check(state != null ? state : fallback);
    }

    /** @throws BadInputException when {@code dir} is a file, or lies under one (so it cannot be created) */
    static Path check(Path dir) {
        Path full = dir.toAbsolutePath().normalize();
        for (Path p = full; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return dir;
            }
            if (Files.exists(p)) {
                throw new BadInputException("--state: '" + dir + "' " + (p.equals(full) ? "is a file"
                        : "lies under the file '" + p + "'") + " (expected a folder, which is created when missing)");
            }
        }
        return dir;
    }
}
