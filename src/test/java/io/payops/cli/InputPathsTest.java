package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.FileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs are read from regular files only, or from {@code -} (standard input) where a command takes it, and never
 * past a bound counted while reading (issue 17): a named pipe or a device given as an input is exit 2 with one
 * message naming the path, what it is and what was expected, before anything opens it (opening a pipe with no writer
 * blocks for ever; a device never ends). Through the real command line, in-process.
 */
class InputPathsTest extends AbstractInProcessTest {
    private static final int SCENARIO_BOUND = 4 * 1024 * 1024;
    private static final int SNAPSHOT_BOUND = 32 * 1024 * 1024;
    /** What a bounded read may take past its bound before it stops: one read buffer. */
    private static final int ONE_CHUNK = 64 * 1024;

    /**
     * Each command line with the path under test as {@code {path}}; {@code {metrics}} is a valid snapshot. The last
     * column says whether the command takes {@code -}, which its message then offers.
     */
    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("run --scenario {path} --policy static --report {work}/r.json", true),
                Arguments.of("ingest --events {path} --report {work}/r.json", false),
                Arguments.of("ingest --events {path} --follow --report {work}/r.json", false),
                Arguments.of("ingest --inspect {path}", false),
                Arguments.of("ingest --events {work}/none.csv --mapping {path}", false),
                Arguments.of("ingest --events {work}/none.csv --world {path}", false),
                Arguments.of("analyze --metrics {path}", true),
                Arguments.of("analyze --metrics {metrics} --baseline {path}", true),
                Arguments.of("analyze --metrics {metrics} --mapping {path}", false),
                Arguments.of("bench --scenarios {path} --no-markdown", false));
    }

    /** Guarded by a timeout only so that a regression fails instead of hanging the build: the verdict is the exit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeWithNoWriterIsRefusedBeforeAnythingOpensIt(String line, boolean takesStdin) throws Exception {
        Path fifo = NamedPipes.make(work.resolve("pipe.json"));
        Result r = payops(args(line, fifo));
        String message = assertBadInput(r);
        assertTrue(message.contains(fifo.toString()) && message.contains("is a named pipe")
                && message.contains("regular"), r::describe);
        assertEquals(takesStdin, message.contains("- for standard input"), r::describe);
        NamedPipes.assertLeftAlone(fifo);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeviceThatNeverEndsIsRefusedWithoutBeingRead(String line, boolean takesStdin) {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        Result r = payops(args(line, zero));
        String message = assertBadInput(r);
        assertTrue(message.contains("/dev/zero") && message.contains("is a character device"), r::describe);
    }

    @Test
    void urandomIsRefusedToo() {
        assumeTrue(Files.exists(Path.of("/dev/urandom")), "no /dev/urandom here");
        Result r = payops("run", "--scenario", "/dev/urandom", "--report", at("r.json"));
        assertTrue(assertBadInput(r).contains("'/dev/urandom': is a character device (expected a regular file, or - "
                + "for standard input)"), r::describe);
    }

    @Test
    void aSymbolicLinkToARegularFileIsReadThroughIt() throws IOException {
        Path real = write("real-scenario.json", MY_FILE_SCENARIO);
        Path link = Files.createSymbolicLink(work.resolve("link.json"), real);
        Result r = payops("run", "--scenario", link.toString(), "--policy", "static", "--report", at("r.json"));
        assertExit(0, r);
        assertEquals("my-file-scenario", readJson(work.resolve("r.json")).path("scenario").asText());
    }

    // ---- standard input ----

    @Test
    void aScenarioOnStandardInputRunsAsFromAFile() {
        Result r = payops(stdin(MY_FILE_SCENARIO), "run", "--scenario", "-", "--policy", "static", "--report",
                at("stdin.json"));
        assertExit(0, r);
        write("file.json", MY_FILE_SCENARIO);
        assertExit(0, payops("run", "--scenario", at("file.json"), "--policy", "static", "--report", at("file-report.json")));
        assertEquals(withoutWallMillis(readJson(work.resolve("file-report.json"))),
                withoutWallMillis(readJson(work.resolve("stdin.json"))), "the same scenario, the same report");
    }

    @Test
    void aBadScenarioOnStandardInputIsNamedAsSuch() {
        Result r = payops(stdin("{\"name\": \"x\", \"durationSeconds\": 60}"), "run", "--scenario", "-",
                "--report", at("r.json"));
        String message = assertBadInput(r);
        assertTrue(message.startsWith("payops: scenario from standard input: ") && message.contains("tps"), r::describe);
    }

    @Test
    void aSnapshotOnStandardInputIsAnalyzed() throws IOException {
        byte[] snapshot = Files.readAllBytes(Path.of(fixture("sbi-degraded.json")));
        Result fromStdin = payops(new ByteArrayInputStream(snapshot), "analyze", "--metrics", "-");
        assertExit(0, fromStdin);
        Result fromFile = payops("analyze", "--metrics", fixture("sbi-degraded.json"));
        JsonNode a = MAPPER.readTree(fromStdin.stdout());
        JsonNode b = MAPPER.readTree(fromFile.stdout());
        assertEquals(b.path("hypotheses"), a.path("hypotheses"));
        assertEquals(b.path("decision"), a.path("decision"));
        assertEquals("-", a.path("input").path("file").asText());
    }

    /** An endless standard input (like /dev/zero piped in) stops at the bound: counted while reading. */
    @Test
    void standardInputLargerThanTheBoundIsExit2AfterReadingNoMoreThanTheBound() {
        Endless endless = new Endless();
        Result r = payops(endless, "run", "--scenario", "-", "--report", at("r.json"));
        String message = assertBadInput(r);
        assertTrue(message.contains("scenario from standard input: is larger than 4 MB"), r::describe);
        assertTrue(endless.delivered <= SCENARIO_BOUND + ONE_CHUNK, "read " + endless.delivered + " bytes");

        Endless more = new Endless();
        r = payops(more, "analyze", "--metrics", "-");
        assertTrue(assertBadInput(r).contains("metrics file from standard input: is larger than 32 MB"), r::describe);
        assertTrue(more.delivered <= SNAPSHOT_BOUND + ONE_CHUNK, "read " + more.delivered + " bytes");
    }

    @Test
    void standardInputIsReadOnceAndOnlyWhereACommandTakesIt() {
        String message = assertBadInput(payops(stdin("{}"), "analyze", "--metrics", "-", "--baseline", "-"));
        assertTrue(message.contains("standard input can be read once"), message);

        message = assertBadInput(payops(stdin("ts,status,latencyMs\n"), "ingest", "--events", "-", "--report",
                at("r.json")));
        assertTrue(message.contains("event log '-': standard input cannot be an event log"), message);

        message = assertBadInput(payops(stdin(MY_FILE_SCENARIO), "bench", "--scenarios", "-", "--no-markdown"));
        assertTrue(message.contains("run --scenario -"), message);
    }

    // ---- helpers ----

    private String[] args(String line, Path path) {
        List<String> out = new ArrayList<>();
        for (String a : line.split(" ")) {
            out.add(a.replace("{path}", path.toString()).replace("{work}", work.toString())
                    .replace("{metrics}", fixture("sbi-degraded.json")));
        }
        return out.toArray(String[]::new);
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String fixture(String name) {
        try {
            return Path.of(InputPathsTest.class.getResource("/analyze/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zeros for ever, counting what was taken. */
    private static final class Endless extends InputStream {
        long delivered;

        @Override
        public int read() {
            delivered++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) ' ');
            delivered += len;
            return len;
        }
    }
}
