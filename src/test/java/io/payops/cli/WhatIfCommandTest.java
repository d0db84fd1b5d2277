package io.payops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code what-if} as the command line sees it. Its run over a real session waits for the session reader; the
 * engine under it is covered by WhatIfTest.
 */
class WhatIfCommandTest {
    @TempDir
    Path dir;

    @Test
    void isASubcommandWithItsOptions() {
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.run("what-if", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SESSION_DIR") && r.out().contains("--set") && r.out().contains("--json")
                && r.out().contains("Open loop"), r.out());
    }

    @Test
    void aMissingSessionIsBadInput() {
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.run("what-if", dir.resolve("no-such-session").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("payops: ") && r.err().contains("no-such-session"), r.err());
    }

    @Test
    void aSessionDirIsRequired() {
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.run("what-if");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("SESSION_DIR"), r.err());
    }
}
