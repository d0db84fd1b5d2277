package io.payops.cli;

import io.payops.common.FileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Output paths the user gives are written only as regular files (issue 17): an existing named pipe, device, symbolic
 * link or directory is exit 2 with one message naming the option, the path and what it is, and is left exactly as it
 * was (a rename over it would have put a plain file in its place: as root, even over /dev/full). When a file cannot
 * be written the message names the path given and the reason, never the temporary file. In-process.
 */
class OutputPathsTest extends AbstractInProcessTest {

    /** Each command line with the output path under test as {@code {path}}; checked before any work is done. */
    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("--report", "run --scenario sbi-degradation --policy static --duration 30 --report {path}"),
                Arguments.of("--export-events", "run --scenario sbi-degradation --policy static --duration 30 "
                        + "--report {work}/r.json --export-events {path}"),
                Arguments.of("--report", "ingest --events {work}/log.csv --report {path}"),
                Arguments.of("--json", "what-if {work}/no-session --json {path}"),
                Arguments.of("--json", "bench --random 1 --policies agent --no-markdown --json {path}"),
                Arguments.of("--markdown", "bench --scenarios quiet --policies agent --seeds 1 --markdown {path}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outputs")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsRefusedAndLeftAsItIs(String option, String line) throws Exception {
        Path fifo = NamedPipes.make(work.resolve("out.pipe"));
        Result r = payops(args(line, fifo));
        String message = assertBadInput(r);
        assertTrue(message.startsWith("payops: " + option + ": '" + fifo + "' is a named pipe (expected a regular "
                + "file"), r::describe);
        NamedPipes.assertLeftAlone(fifo);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outputs")
    void aCharacterDeviceIsRefusedAndNotReplaced(String option, String line) throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(FileKind.of(devNull) == FileKind.CHARACTER_DEVICE, "no /dev/null device here");
        Result r = payops(args(line, devNull));
        String message = assertBadInput(r);
        assertTrue(message.contains(option + ": '/dev/null' is a character device"), r::describe);
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(devNull, LinkOption.NOFOLLOW_LINKS),
                "/dev/null is still the device");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outputs")
    void aSymbolicLinkIsRefusedNamingWhereItPointsAndNeitherIsTouched(String option, String line) throws IOException {
        Path real = write("real.json", "keep me\n");
        Path link = Files.createSymbolicLink(work.resolve("link.json"), real);
        Result r = payops(args(line, link));
        String message = assertBadInput(r);
        assertTrue(message.contains(option + ": '" + link + "' is a symbolic link to '" + real + "'"), r::describe);
        assertTrue(Files.isSymbolicLink(link), "the link is left as it is");
        assertEquals("keep me\n", read(real), "what it points to is left as it is");
    }

    @Test
    void aReportUnderARegularFileSaysThatFileIsNotAFolder() {
        write("blocker", "a file\n");
        Result r = payops("run", "--scenario", "sbi-degradation", "--policy", "static", "--duration", "30",
                "--report", at("blocker/deeper/out.json"));
        String message = assertBadInput(r);
        assertEquals("payops: --report: cannot write '" + at("blocker/deeper/out.json") + "': '" + at("blocker")
                + "' is a file, not a folder", message);
        assertFalse(message.contains(".tmp"), message);
        assertEquals("a file\n", read(work.resolve("blocker")));
    }

    /** Root ignores permissions, so this one needs an ordinary user; the path-under-a-file case above runs anywhere. */
    @Test
    void aReportIntoAReadOnlyFolderSaysTheFolderIsReadOnly() throws IOException {
        Path folder = Files.createDirectory(work.resolve("read-only"));
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions here");
        }
        try {
            assumeFalse(Files.isWritable(folder), "running as root: permissions are not enforced");
            Result r = payops("run", "--scenario", "sbi-degradation", "--policy", "static", "--duration", "30",
                    "--report", folder.resolve("out.json").toString());
            String message = assertBadInput(r);
            assertEquals("payops: --report: cannot write '" + folder.resolve("out.json") + "': the folder '" + folder
                    + "' is read-only", message);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aReportIsWrittenReadableByOthersAndReplacesARegularFile() throws IOException {
        Path report = write("report.json", "old\n");
        Result r = payops("run", "--scenario", "sbi-degradation", "--policy", "static", "--duration", "30",
                "--report", report.toString());
        assertExit(0, r);
        assertEquals("sbi-degradation", readJson(report).path("scenario").asText());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    /** The reasons a write can fail, as the message says them: the path given and why, never the temporary file. */
    @Test
    void aFailedWriteNamesThePathGivenAndTheReason() {
        Path target = work.resolve("out/report.json");
        String tmp = work.resolve("out/.report.json.123.tmp").toString();
        assertEquals("--report: cannot write '" + target + "': the folder '" + target.getParent()
                + "' is read-only (permission denied)", OutputFile.cannotWrite(target, "--report",
                new AccessDeniedException(tmp)).getMessage());
        assertEquals("--report: cannot write '" + target + "': no space left on the device",
                OutputFile.cannotWrite(target, "--report", new FileSystemException(tmp, null, "No space left on device"))
                        .getMessage());
        assertEquals("--report: cannot write '" + target + "': the folder '" + target.getParent() + "' is on a "
                + "read-only file system", OutputFile.cannotWrite(target, "--report",
                new FileSystemException(tmp, null, "Read-only file system")).getMessage());
        assertEquals("--report: cannot write '" + target + "': no such folder '" + target.getParent() + "'",
                OutputFile.cannotWrite(target, "--report", new NoSuchFileException(tmp)).getMessage());
        assertEquals("--export-events: cannot write '" + target + "': Input/output error",
                OutputFile.cannotWrite(target, "--export-events", new IOException("Input/output error")).getMessage());
    }

    /**
     * {@code --report -} is standard output, for a pipe ({@code | jq}): stdout holds the report's JSON and nothing
     * else, the summary goes to stderr, and no file named "-" is made.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "run --scenario sbi-degradation --policy static --duration 30 --report -",
            "ingest --events {work}/log.csv --report -"})
    void aDashWritesTheReportToStandardOutputAndTheSummaryToStandardError(String line) throws IOException {
        Result r = payops(args(line, work));
        assertEquals(0, r.exit(), r::describe);
        com.fasterxml.jackson.databind.JsonNode report = io.payops.common.Json.mapper().readTree(r.stdout());
        assertTrue(report.has("policy"), r::describe); // a run report and an ingest report both name their policy
        assertTrue(r.stderr().contains("report: standard output"), r::describe);
        assertFalse(Files.exists(Path.of("-")), "no file named '-' in the working directory");
    }

    private String[] args(String line, Path path) {
        write("log.csv", "ts,gateway,status,latencyMs\n2026-01-01T00:00:00Z,stripe,SUCCESS,200\n");
        List<String> out = new ArrayList<>();
        for (String a : line.split(" ")) {
            out.add(a.replace("{path}", path.toString()).replace("{work}", work.toString()));
        }
        return out.toArray(String[]::new);
    }
}
