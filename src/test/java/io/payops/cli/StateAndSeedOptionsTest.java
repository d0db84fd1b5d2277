package io.payops.cli;

import io.payops.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code --seed} and {@code --state} are checked alike, with one message each, by every command that takes them. */
class StateAndSeedOptionsTest {
    @TempDir
    Path dir;

    private static String refusal(Callable<?> command, String... args) {
        new CommandLine(command).parseArgs(args);
        return assertThrows(BadInputException.class, () -> {
            if (command instanceof ConsoleCommand c) {
                c.validated();
            } else {
                command.call();
            }
        }).getMessage();
    }

    @Test
    void aSeedIsAWholeNumberFromZeroForConsoleAndRun() {
        for (String bad : new String[] {"-3", "abc", "1.5", ""}) {
            String expected = "--seed: '" + bad + "' is not a seed (expected a whole number from 0 to 9007199254740991)";
            assertEquals(expected, refusal(new ConsoleCommand(), "--seed", bad));
            assertEquals(expected, refusal(new RunCommand(), "--scenario", "quiet", "--seed", bad));
        }
        SeedOption ok = new SeedOption();
        new CommandLine(ok).parseArgs("--seed", "0");
        assertEquals(0L, ok.seed());
        SeedOption none = new SeedOption();
        new CommandLine(none).parseArgs();
        assertNull(none.seed());
    }

    @Test
    void aStateFolderIsNeverAFileForConsoleRunAndReplay() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        String expected = "--state: '" + file + "' is a file (expected a folder, which is created when missing)";
        assertEquals(expected, refusal(new ConsoleCommand(), "--state", file.toString()));
        assertEquals(expected, refusal(new RunCommand(), "--scenario", "quiet", "--state", file.toString()));
        // replay checks the folder it would use once the session has been read: the same check, the same words
        assertEquals(expected, assertThrows(BadInputException.class, () -> StateDirOption.check(file)).getMessage());

        Path under = file.resolve("state");
        assertEquals("--state: '" + under + "' lies under the file '" + file + "' (expected a folder, which is created "
                + "when missing)", refusal(new ConsoleCommand(), "--state", under.toString()));
    }

    @Test
    void aMissingStateFolderIsFineAndNotCreatedByTheCheck() {
        Path missing = dir.resolve("new/state");
        assertEquals(missing, StateDirOption.check(missing));
        assertFalse(Files.exists(missing), "created by whatever writes there, not by the check");
        StateDirOption none = new StateDirOption();
        new CommandLine(none).parseArgs();
        assertNull(none.given());
        assertEquals(Path.of("state"), none.orElse(Path.of("state")));
    }
}
