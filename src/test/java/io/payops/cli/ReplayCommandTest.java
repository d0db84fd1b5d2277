package io.payops.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `replay` reads the session folder before any window opens: a bad one is exit 2 with the reader's message.
 * In-process: bad input never reaches the window.
 */
class ReplayCommandTest extends AbstractInProcessTest {
    @Test
    void aFolderThatDoesNotExist() {
        String msg = assertBadInput(payops("replay", at("state/sessions/no-such-session")));
        assertTrue(msg.contains("no-such-session") && msg.contains("not a folder"), msg);
    }

    @Test
    void aFolderThatIsNotARecording() throws Exception {
        Path empty = Files.createDirectories(work.resolve("state/sessions/empty"));
        String msg = assertBadInput(payops("replay", empty.toString()));
        assertTrue(msg.contains(empty.toString()) && msg.contains("meta.json"), msg);
    }

    @Test
    void noFolderGiven() {
        String msg = assertBadInput(payops("replay"));
        assertTrue(msg.contains("SESSION_DIR"), msg);
    }
}
