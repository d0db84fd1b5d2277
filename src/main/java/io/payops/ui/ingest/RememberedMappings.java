package io.payops.ui.ingest;

import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.ingest.LogMapping;
import io.payops.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The mappings the console's mapping step was confirmed with, one mapping file per file-name pattern under
 * {@code STATE/mappings/}. Logs are usually written one file per day or per hour, so the pattern is the name with
 * every run of digits replaced by {@code #}: {@code gateway-2026-03-01.csv} and {@code gateway-2026-03-02.csv} share
 * {@code gateway-#-#-#.csv}, and tomorrow's file opens with today's mapping. The files are ordinary mapping files,
 * so {@code payops ingest --mapping} reads them too. Blocking I/O: call off the FX thread.
 */
public final class RememberedMappings {
    static final String DIR = "mappings";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** Characters kept in a mapping file's name; others (a space, a colon on Windows) become '_'. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._#+=@-]");

    /**
     * What was remembered for a log.
     *
     * @param mapping the remembered mapping, or {@link LogMapping#NONE} when there is none or it is damaged
     * @param file    where it is (or would be) kept
     * @param exists  whether that file exists (a damaged one too: confirming replaces it)
     * @param problem why a file that exists could not be read, or null
     */
    public record Remembered(LogMapping mapping, Path file, boolean exists, String problem) {
    }

    private final Path dir;

    /** @param stateDir the console's state directory */
    public RememberedMappings(Path stateDir) {
        this.dir = stateDir.resolve(DIR);
    }

    /** {@code gateway-2026-03-01.csv} → {@code gateway-#-#-#.csv}. */
    public static String pattern(String fileName) {
        return DIGITS.matcher(fileName).replaceAll("#");
    }

    /** The mapping file for logs named like {@code log}. */
    public Path fileFor(Path log) {
        return dir.resolve(UNSAFE.matcher(pattern(log.getFileName().toString())).replaceAll("_") + ".json");
    }

    /** The mapping remembered for logs named like {@code log}; a damaged file is reported, never thrown. */
    public Remembered load(Path log) {
        Path file = fileFor(log);
        if (!Files.exists(file)) {
            return new Remembered(LogMapping.NONE, file, false, null);
        }
        try {
            return new Remembered(LogMapping.read(file), file, true, null);
        } catch (BadInputException e) {
            return new Remembered(LogMapping.NONE, file, true, e.getMessage());
        }
    }

    /** Remembers {@code mapping} for logs named like {@code log}, whole or not at all. */
    public void save(Path log, LogMapping mapping) throws IOException {
        AtomicFiles.write(fileFor(log), Json.pretty().writeValueAsBytes(mapping.toJson()));
    }
}
