package io.payops.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `console` checks every option before it opens a window: bad input is exit 2 with one clear message. In-process:
 * bad input never reaches the window.
 */
class ConsoleCommandInputTest extends AbstractInProcessTest {
    @Test
    void speedOutsideOneToHundred() {
        String msg = assertBadInput(payops("console", "--speed", "500"));
        assertTrue(msg.contains("--speed") && msg.contains("from 1 to 100"), msg);
    }

    @Test
    void unknownScenario() {
        String msg = assertBadInput(payops("console", "--scenario", "no-such-thing"));
        assertTrue(msg.contains("no-such-thing") && msg.contains("expected a built-in name"), msg);
    }

    @Test
    void negativeAndNonNumericSeeds() {
        String msg = assertBadInput(payops("console", "--seed", "-3"));
        assertTrue(msg.contains("--seed") && msg.contains("expected a whole number"), msg);
        msg = assertBadInput(payops("console", "--seed", "abc"));
        assertTrue(msg.contains("--seed") && msg.contains("abc"), msg);
    }

    @Test
    void stateThatIsAFile() throws Exception {
        Path file = Files.createTempFile(work, "state", ".txt");
        String msg = assertBadInput(payops("console", "--state", file.toString()));
        assertTrue(msg.contains("--state") && msg.contains("is a file") && msg.contains("expected a folder"), msg);
    }
}
