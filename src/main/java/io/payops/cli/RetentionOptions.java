package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.store.SessionRetention;
import picocli.CommandLine.Option;

/** {@code --keep-sessions N --keep-mb N}: how many recorded sessions, and how much disk, the state folder may hold. */
public final class RetentionOptions {
    @Option(names = "--keep-sessions", paramLabel = "N",
            description = "Recorded sessions to keep in the state folder, the newest (1..100000). Default: 20.")
    Integer keepSessions;

    @Option(names = "--keep-mb", paramLabel = "N",
            description = "Disk the recorded sessions may use in all, in MB; a session that alone outgrows it stops "
                    + "recording. Default: 2048.")
    Long keepMb;

    /** @throws BadInputException naming the option and the range when a value is out of range */
    public SessionRetention retention() {
        int n = keepSessions == null ? SessionRetention.DEFAULT.keepSessions() : keepSessions;
        long mb = keepMb == null ? SessionRetention.DEFAULT.keepBytes() / (1024 * 1024) : keepMb;
        if (n < 1 || n > 100_000) {
            throw new BadInputException("--keep-sessions: " + n + " is out of range (expected 1 to 100000)");
        }
        if (mb < 1 || mb > 1_000_000) {
            throw new BadInputException("--keep-mb: " + mb + " is out of range (expected 1 to 1000000 MB)");
        }
        return new SessionRetention(n, mb * 1024 * 1024);
    }
}
