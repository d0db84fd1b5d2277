package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.FileKind;
import io.payops.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A path the user gave for a command to write ({@code --report}, {@code --export-events}, {@code --json},
 * {@code --markdown}). It is written only as a regular file, whole (temporary file and rename, {@link AtomicFiles}):
 * a new path or an existing regular file is fine; a directory, a named pipe, a device or a symbolic link is refused
 * and left as it is, since the rename would put a plain file in its place (as root, even over /dev/full). Every
 * problem is exit 2 with one message naming the option, the path as given and the reason, never a temporary file.
 */
final class OutputFile {
    private static final String EXPECTED = "expected a regular file, or a path where nothing exists yet";

    private OutputFile() {
    }

    /** Checked before the work, so a long run does not end in "cannot write"; checked again by {@link #write}. */
    static void check(Path target, String option) {
        FileKind kind;
        try {
            kind = FileKind.of(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw cannotWrite(target, option, e);
        }
        switch (kind) {
            case MISSING, REGULAR -> checkFolder(target, option);
            case SYMBOLIC_LINK -> throw new BadInputException(option + ": '" + target + "' is a symbolic link to '"
                    + linkTarget(target) + "' (" + EXPECTED + "; give the file itself to replace it; the link was "
                    + "left as it is)");
            case DIRECTORY -> throw new BadInputException(option + ": '" + target + "' is a folder (expected a "
                    + "file name in it, or a regular file)");
            default -> throw new BadInputException(option + ": '" + target + "' is " + kind.words() + " (" + EXPECTED
                    + "; it was left as it is)");
        }
    }

    /** Writes the whole file readable by others (rw-r--r--), after checking the path again. */
    static void write(Path target, String option, byte[] bytes) {
        check(target, option);
        try {
            AtomicFiles.writeReadable(target, bytes);
        } catch (IOException e) {
            throw cannotWrite(target, option, e);
        }
    }

    /** "--report: cannot write 'x.json': the folder '/srv' is read-only": the path as given and why, in words. */
    static BadInputException cannotWrite(Path target, String option, IOException e) {
        return new BadInputException(option + ": cannot write '" + target + "': " + reason(target, e), e);
    }

    /** The folder must be one (or be creatable under one) and writable; said before any temporary file is made. */
    private static void checkFolder(Path target, String option) {
        Path abs = target.toAbsolutePath().normalize();
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                if (!Files.isWritable(p)) {
                    throw new BadInputException(option + ": cannot write '" + target + "': the folder '" + p
                            + "' is read-only");
                }
                return;
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(option + ": cannot write '" + target + "': '" + p + "' is a file, not "
                        + "a folder");
            }
        }
    }

    private static String reason(Path target, IOException e) {
        Path dir = target.toAbsolutePath().normalize().getParent();
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        why = why == null ? "" : why;
        if (why.contains("No space left")) {
            return "no space left on the device";
        }
        if (why.contains("Disk quota exceeded")) {
            return "the disk quota is exceeded";
        }
        if (why.contains("Read-only file system")) {
            return "the folder '" + dir + "' is on a read-only file system";
        }
        Path file = fileOnTheWay(dir);
        if (file != null && (e instanceof FileAlreadyExistsException || why.contains("Not a directory"))) {
            return "'" + file + "' is a file, not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "the folder '" + dir + "' is read-only (permission denied)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder '" + dir + "'";
        }
        return why.isEmpty() ? e.getClass().getSimpleName() : why;
    }

    /** The first existing path above the target's folder, when it is not a folder; else null. */
    private static Path fileOnTheWay(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }
}
