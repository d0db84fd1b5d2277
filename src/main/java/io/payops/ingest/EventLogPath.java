package io.payops.ingest;

import io.payops.common.BadInputException;
import io.payops.common.BoundedInput;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an event log's path must be before anything opens it: an existing regular file (or a link to one). A named
 * pipe would block the open until a writer comes, and a device never ends; standard input cannot serve either, as
 * a log is read more than once (its format, its columns, its world, then its events). Its size is no concern: it is
 * streamed in constant memory.
 */
final class EventLogPath {
    static final String EXPECTED = "a JSON lines or CSV file";

    private EventLogPath() {
    }

    /** @throws BadInputException naming the file, what it is and what was expected */
    static void check(Path file) {
        String source = "event log '" + file + "'";
        if (BoundedInput.isStandardInput(file)) {
            throw new BadInputException(source + ": standard input cannot be an event log, which is read more than "
                    + "once (expected " + EXPECTED + "; save the input to one first)");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(source + " does not exist (expected " + EXPECTED + ")");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(source + " is a folder (expected " + EXPECTED + ")");
        }
        BoundedInput.requireRegularFile(file, source, "a regular file: " + EXPECTED);
    }
}
