package io.payops.cli;

import io.payops.common.FileKind;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Named pipes for the tests of paths that are not regular files; a test is skipped where mkfifo is missing. */
final class NamedPipes {
    private NamedPipes() {
    }

    /** Makes a named pipe at {@code path} with mkfifo. Nothing ever opens it for writing. */
    static Path make(Path path) throws InterruptedException {
        Process made;
        try {
            made = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e.getMessage());
            return path;
        }
        assumeTrue(made.waitFor() == 0, "mkfifo failed on " + path);
        return path;
    }

    /** The pipe is still a pipe: nothing was put in its place. */
    static void assertLeftAlone(Path pipe) throws IOException {
        assertEquals(FileKind.NAMED_PIPE, FileKind.of(pipe, LinkOption.NOFOLLOW_LINKS), "the pipe is left as it is");
    }
}
