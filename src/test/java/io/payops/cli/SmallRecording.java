package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.store.IndexEntry;
import io.payops.store.SessionRecorder;
import io.payops.store.StateStore;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small real recording for the tests that damage one: {@code run --state} of a scenario of two gateways and one
 * merchant (small frames), for 130 s (three gzip members of 64 + 64 + 2 frames: a first, a middle and a last) or
 * 70 s (two: 64 + 6, for the byte-flip test, which reads it a thousand times). Made once per test class.
 */
final class SmallRecording {
    static final int FRAMES = 130;
    static final int SHORT_FRAMES = 70;
    static final String SCENARIO = """
            {
              "name": "small-recording",
              "description": "stripe fails most of its attempts for a while, in a world of two gateways",
              "seed": 3,
              "durationSeconds": 130,
              "tps": 8,
              "gateways": [
                {"name": "stripe", "weight": 60, "feePercent": 2.9, "baseSuccess": 0.955, "latencyMs": 380},
                {"name": "razorpay", "weight": 40, "feePercent": 2.0, "baseSuccess": 0.94, "latencyMs": 450}
              ],
              "merchants": [
                {"name": "shopkart", "volumeShare": 1, "methodMix": {"CARD": 0.5, "UPI": 0.5, "NETBANKING": 0, "WALLET": 0}, "avgAmount": 1800}
              ],
              "faults": [
                {"type": "gateway_outage", "target": {"gateway": "stripe"}, "startSecond": 20, "durationSeconds": 90, "severity": 0.8}
              ]
            }
            """;

    private SmallRecording() {
    }

    /** Records the scenario for {@code seconds} under {@code dir} and returns the session folder. */
    static Path record(Path dir, int seconds) throws IOException {
        Path scenario = Files.writeString(dir.resolve("small.json"), SCENARIO, StandardCharsets.UTF_8);
        Path state = dir.resolve("st");
        AbstractInProcessTest.payops("run", "--scenario", scenario.toString(), "--duration", String.valueOf(seconds),
                "--state", state.toString());
        try (Stream<Path> s = Files.list(state.resolve(StateStore.SESSIONS))) {
            return s.findFirst().orElseThrow(() -> new AssertionError("run --state recorded no session"));
        }
    }

    /** A copy of the session's files in {@code to}, for a test to damage. */
    static Path copy(Path session, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(session)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }

    static List<IndexEntry> index(Path session) throws IOException {
        List<IndexEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(session.resolve(SessionRecorder.INDEX), StandardCharsets.US_ASCII)) {
            out.add(IndexEntry.parse(line));
        }
        return out;
    }

    /** Where the gzip members start, from the index. */
    static List<Long> memberOffsets(Path session) throws IOException {
        return index(session).stream().map(IndexEntry::memberOffset).distinct().toList();
    }

    /**
     * What {@code payops replay SESSION} does before its window opens (the reader's read of the folder), as a
     * {@link AbstractInProcessTest#payops} result would say it: exit 0 with its warnings, or 2 with the message.
     * Anything else it throws escapes, and fails the test.
     */
    static CliChecks.Result replayRead(Path session) {
        StringWriter err = new StringWriter();
        ReplayCommand c = new ReplayCommand();
        CommandLine cl = new CommandLine(c);
        cl.setErr(new PrintWriter(err, true));
        cl.parseArgs(session.toString());
        int exit;
        try {
            c.validated();
            exit = 0;
        } catch (BadInputException e) {
            err.write("payops: " + e.getMessage() + "\n");
            exit = 2;
        }
        return new CliChecks.Result(List.of("replay", session.toString()), exit, "", err.toString());
    }
}
