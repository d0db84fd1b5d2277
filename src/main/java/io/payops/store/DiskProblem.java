package io.payops.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a write to the state folder failed, in words a person can act on: the reason the OS gave ("permission
 * denied", "no space left on the device", "not a folder") and the file it was about, named as the user knows it
 * ({@code metrics.json}, not the temporary {@code .metrics.json.8123.tmp} an atomic write goes through). Java's own
 * message for a refused write is the path alone, which hides the why.
 */
public final class DiskProblem {
    /** The name {@link AtomicFiles} gives a temporary file: ".TARGET.<random digits>.tmp". */
    private static final Pattern TEMPORARY = Pattern.compile("^\\.(.+)\\.\\d+\\.tmp$");

    private DiskProblem() {
    }

    public static String describe(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("No space left")) {
            return "no space left on the device";
        }
        if (m.contains("Disk quota exceeded")) {
            return "the disk quota is exceeded";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = userFacing(f.getFile());
            if (e instanceof AccessDeniedException) {
                return "permission denied: " + file;
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder: " + file;
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder: " + file;
            }
            String reason = f.getReason();
            if (reason != null && !reason.isBlank()) {
                return reason.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + reason.substring(1) + ": " + file;
            }
            return e.getClass().getSimpleName().replace("Exception", "") + ": " + file;
        }
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    /** A temporary file's path as the file it stands for. */
    static String userFacing(String path) {
        Path p = Path.of(path);
        Path name = p.getFileName();
        if (name == null) {
            return path;
        }
        Matcher t = TEMPORARY.matcher(name.toString());
        return t.matches() ? p.resolveSibling(t.group(1)).toString() : path;
    }
}
