package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only the real jar in a process of its own can show (DESIGN §5.1): it starts (the launcher, the shaded
 * classpath), and paths are read and written relative to its working directory, the default report path included.
 * What the commands do is tested in-process ({@code RunCommandTest} and the other {@code *Test} classes here).
 */
class JarStartupIT extends AbstractJarIT {

    @Test
    void theJarStartsAndPrintsItsHelp() {
        Result top = payops("--help");
        assertExit(0, top);
        assertNoStackTrace(top);
        assertTrue(top.stdout().contains("Usage"), top::describe);
        assertTrue(top.stderr().isBlank(), top::describe);
        for (String command : List.of("run", "scenarios", "bench")) {
            assertTrue(top.stdout().contains(command), () -> "--help lists " + command + "\n" + top.describe());
        }
    }

    @Test
    void defaultReportPathIsUnderStateReportsInTheWorkingDirectory() {
        Result r = payops("run", "--scenario", "sbi-degradation", "--policy", "static", "--duration", "60");
        assertExit(0, r);
        assertNoStackTrace(r);
        Path expected = work.resolve("state/reports/sbi-degradation-seed7-static.json");
        assertTrue(Files.isRegularFile(expected), () -> "expected " + expected + "\n" + r.describe());
        assertTrue(r.stdout().contains("sbi-degradation-seed7-static.json"), r::describe);
        JsonNode j = readJson(expected);
        assertEquals("sbi-degradation", j.path("scenario").asText());
        assertEquals(60, j.path("simulatedSeconds").asLong());

        assertExit(0, payops("run", "--scenario", "sbi-degradation", "--policy", "oracle", "--seed", "9",
                "--duration", "60"));
        assertTrue(Files.isRegularFile(work.resolve("state/reports/sbi-degradation-seed9-oracle.json")),
                "the default name carries the seed and the policy");
    }

    @Test
    void aRelativeScenarioFileAndReportAreInTheWorkingDirectory() {
        write("my-scenario.json", MY_FILE_SCENARIO);
        Result r = payops("run", "--scenario", "my-scenario.json", "--policy", "static", "--report", "out.json");
        assertExit(0, r);
        assertNoStackTrace(r);
        assertTrue(r.stdout().contains("my-file-scenario"), r::describe);
        assertTrue(r.stdout().contains("out.json"), () -> "the summary should say where the report is\n" + r.describe());
        Path out = work.resolve("out.json");
        assertTrue(Files.isRegularFile(out), "out.json written in the working directory");
        assertEquals("my-file-scenario", readJson(out).path("scenario").asText());
    }
}
