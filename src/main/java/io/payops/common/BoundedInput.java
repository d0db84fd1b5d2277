package io.payops.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How one kind of command-line input that is read whole into memory (a scenario, a metrics snapshot, a mapping file)
 * is opened: from a regular file only, or from standard input when {@code -} is accepted; never more than
 * {@code maxBytes}, counted while reading. A size asked of the file system is no bound: a device says 0 and never
 * ends. Every problem is a {@link BadInputException} of one line naming the source and what was expected.
 *
 * @param expected       what the input should hold, for messages: "a scenario JSON file"
 * @param maxBytes       the most read before giving up (exit 2), whatever the file system says of its size
 * @param stdinAccepted  whether the command reads {@code -} as standard input, which messages then offer
 */
public record BoundedInput(String expected, long maxBytes, boolean stdinAccepted) {
    /** The argument that means standard input, where a command accepts it. */
    public static final String STANDARD_INPUT = "-";

    private static final int CHUNK = 64 * 1024;
    private static final long MB = 1024L * 1024;

    public BoundedInput {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - CHUNK) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " cannot be held in one array");
        }
    }

    /** True for the argument {@code -} (a file named "-" is given as {@code ./-}). */
    public static boolean isStandardInput(Path path) {
        return path != null && STANDARD_INPUT.equals(path.toString());
    }

    /** The whole file as UTF-8 text; {@code source} names it in messages ("scenario file 'x.json'"). */
    public String readText(Path file, String source) {
        requireRegularFile(file, source, regularFile());
        try (InputStream in = Files.newInputStream(file)) {
            return utf8(readAtMost(in, source), source);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": file not found (expected " + expected + ")", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(source + ": permission denied (expected " + expected + " this user may read)", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** All of a stream (standard input) as UTF-8 text, up to the bound; it may arrive slowly, but never too much. */
    public String readText(InputStream in, String source) {
        try {
            return utf8(readAtMost(in, source), source);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /**
     * Refuses, before anything opens it, what is not a regular file (a link to one is fine): a named pipe would block
     * the open until a writer comes, a device would be read forever. A missing file is left to the open to report in
     * the caller's words.
     *
     * @param expected what to ask for instead, e.g. "a regular file, or - for standard input"
     */
    public static void requireRegularFile(Path file, String source, String expected) {
        FileKind kind;
        try {
            kind = FileKind.of(file);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        if (kind != FileKind.REGULAR && kind != FileKind.MISSING) {
            throw new BadInputException(source + ": is " + kind.words() + " (expected " + expected + ")");
        }
    }

    /** What a message asks for instead of a pipe, a device or a directory. */
    public String regularFile() {
        return stdinAccepted ? "a regular file, or " + STANDARD_INPUT + " for standard input" : "a regular file";
    }

    /** "4 MB": the bound as a message says it. */
    public static String size(long bytes) {
        if (bytes % MB == 0) {
            return bytes / MB + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** Reads to the end, counting: one chunk past the bound is where it stops, so a device costs at most that. */
    private byte[] readAtMost(InputStream in, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new BadInputException(source + ": is larger than " + size(maxBytes) + " (expected " + expected
                        + " of at most " + size(maxBytes) + ")");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private String utf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(source + ": is not UTF-8 text (expected " + expected + ")", e);
        }
    }
}
