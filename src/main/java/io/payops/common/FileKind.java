package io.payops.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is at a path, found from its attributes alone, never by opening it: opening a named pipe blocks until a writer
 * comes, and a device may never end. Each kind has the words a message uses for it ("a named pipe").
 */
public enum FileKind {
    MISSING("nothing"),
    REGULAR("a regular file"),
    DIRECTORY("a directory"),
    SYMBOLIC_LINK("a symbolic link"),
    NAMED_PIPE("a named pipe"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    OTHER("a special file");

    /* The file-type bits of a POSIX st_mode (S_IFMT and its values), for the kinds BasicFileAttributes lumps as "other". */
    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHAR = 0020000;
    private static final int BLOCK = 0060000;
    private static final int SOCK = 0140000;

    private final String words;

    FileKind(String words) {
        this.words = words;
    }

    /** "a named pipe", "a character device", ...: what a message says the path is. */
    public String words() {
        return words;
    }

    /**
     * The kind of what {@code path} names, following symbolic links unless {@code NOFOLLOW_LINKS} is given (then a
     * link is {@link #SYMBOLIC_LINK}). A dangling link followed is {@link #MISSING}.
     *
     * @throws IOException when the attributes cannot be read (say, a folder on the way is not searchable)
     */
    public static FileKind of(Path path, LinkOption... options) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return MISSING;
        }
        if (a.isRegularFile()) {
            return REGULAR;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        if (a.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        return special(path, options);
    }

    /** Tells a pipe from a device or a socket where the platform says (the "unix" view); else just "a special file". */
    private static FileKind special(Path path, LinkOption... options) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", options);
            return switch (mode & TYPE_BITS) {
                case FIFO -> NAMED_PIPE;
                case CHAR -> CHARACTER_DEVICE;
                case BLOCK -> BLOCK_DEVICE;
                case SOCK -> SOCKET;
                default -> OTHER;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no "unix" view here (Windows): it is still not a regular file, which is all the caller must know
            return OTHER;
        }
    }
}
