package io.payops.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failed write is told with its reason and the file the user knows, never only a temporary file's path. */
class DiskProblemTest {
    @Test
    void theReasonAndTheRealFileAreNamed() {
        assertEquals("permission denied: /st/metrics.json",
                DiskProblem.describe(new AccessDeniedException("/st/.metrics.json.4411879.tmp")));
        assertEquals("no such file or folder: /st/sessions/x/meta.json",
                DiskProblem.describe(new NoSuchFileException("/st/sessions/x/.meta.json.12.tmp")));
        assertEquals("not a directory: /etc/passwd/st/.lock",
                DiskProblem.describe(new FileSystemException("/etc/passwd/st/.lock", null, "Not a directory")));
        assertEquals("no space left on the device", DiskProblem.describe(new IOException("No space left on device")));
        assertEquals("read-only file system: /mnt/ro/audit.jsonl",
                DiskProblem.describe(new FileSystemException("/mnt/ro/audit.jsonl", null, "Read-only file system")));
    }
}
