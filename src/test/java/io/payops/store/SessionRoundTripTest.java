package io.payops.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Command;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.SegmentStats;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recorded session reads back frame for frame, by position and in order, whole or cut short. */
class SessionRoundTripTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static List<Frame> frames;
    static Scenario scenario;
    /** The whole recording, written once: the tests that only read it share it, those that damage it take a copy. */
    @TempDir
    static Path shared;
    static Path recorded;

    /**
     * stripe-outage for 15 minutes with a manual operator and chaos, so frames carry commands of every kind; recorded
     * once into {@link #recorded}.
     */
    @BeforeAll
    static void record() throws IOException {
        scenario = ScenarioLoader.builtIn("stripe-outage").withSeed(11).withDuration(900);
        Engine engine = new Engine(scenario, PolicyFactory.create("agent",
                new RunSettings("agent", ApprovalMode.MANUAL, "heuristic"), scenario.world()), EngineOptions.DEFAULT, null);
        frames = new ArrayList<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            frames.add(f);
            if (f.tick() == 30) {
                engine.submit(new Command.AddFault(new FaultSpec(FaultType.NETWORK_ERRORS, Target.gateway("adyen"), 0, 120,
                        0.3, 1, 0), true, "chaos-adyen"));
                engine.submit(new Command.SetSpeed(5));
                engine.submit(new Command.Pause(false));
            }
            if (f.tick() == 60) {
                engine.submit(new Command.UpdateFault("chaos-adyen", new FaultSpec(FaultType.NETWORK_ERRORS,
                        Target.gateway("adyen"), 30, 120, 0.5, 1, 0)));
                engine.submit(new Command.SetRecommendOnly(true));
                engine.submit(new Command.RemoveFault("nope"));
            }
            for (var r : f.step().pendingApprovals()) {
                if (f.simMillis() - r.raisedAtMillis() == 5000) {
                    engine.submit(new Command.Decide(r.actionId(), r.actionId() % 2 == 0, "operator"));
                }
            }
        }
        recorded = write(shared, frames);
    }

    static Path write(Path dir, List<Frame> fs) throws IOException {
        Path session = dir.resolve("sessions").resolve("s1");
        try (SessionRecorder rec = new SessionRecorder(session, meta("s1"), CLOCK)) {
            for (Frame f : fs) {
                rec.write(f);
            }
            rec.finish(SessionMeta.COMPLETE, null);
        }
        return session;
    }

    static SessionMeta meta(String id) {
        return new SessionMeta(SessionMeta.FORMAT, id, "2026-11-21T10:00:00Z", null, scenario, "agent", "manual",
                "heuristic", 1000, true, List.of(), 0, 0, 0, SessionMeta.RECORDING, null);
    }

    @Test
    void everyFrameReadsBackExactlyInOrderAndByPosition() throws IOException {
        assertTrue(frames.stream().anyMatch(f -> f.commands().stream().anyMatch(c -> c instanceof Command.Decide)),
                "the recording holds operator decisions");
        Path session = recorded;
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            assertEquals(frames.size(), r.size());
            assertEquals(List.of(), r.warnings());
            int i = 0;
            for (Frame f : r.frames()) {
                assertEquals(frames.get(i++), f);
            }
            Random rnd = new Random(3);
            for (int k = 0; k < 50; k++) {
                int at = rnd.nextInt(frames.size());
                assertEquals(frames.get(at), r.frame(at));
            }
            assertEquals(scenario, r.scenario());
            assertEquals(SessionMeta.COMPLETE, r.meta().status());
            assertEquals(frames.size(), r.meta().frames());
        }
    }

    @Test
    void marksFindTheFirstIncidentActionApprovalAndCommand() throws IOException {
        try (SessionReader r = SessionReader.open(recorded, p -> { })) {
            int incident = r.next(-1, FrameMark.INCIDENT);
            int firstOpen = indexOf(f -> !f.step().incidents().isEmpty());
            assertEquals(firstOpen, incident);
            assertEquals(indexOf(f -> !f.step().actions().isEmpty()), r.next(-1, FrameMark.ACTION));
            assertEquals(indexOf(f -> !f.step().pendingApprovals().isEmpty()), r.next(-1, FrameMark.APPROVAL));
            assertEquals(indexOf(f -> !f.commands().isEmpty()), r.next(-1, FrameMark.COMMAND));
            assertEquals(-1, r.next(r.size() - 1, FrameMark.INCIDENT));
            assertEquals(incident, r.previous(incident + 1, FrameMark.INCIDENT));
        }
    }

    @Test
    void aTornEndReadsUpToTheLastWholeFrame(@TempDir Path dir) throws IOException {
        Path session = recorded; // only copies of it are cut
        Path file = session.resolve(SessionRecorder.FRAMES);
        long full = Files.size(file);
        for (long cut : new long[]{full - 3, full / 2, full / 3 + 7}) {
            Path copy = dir.resolve("cut" + cut);
            copyDir(session, copy);
            try (RandomAccessFile raf = new RandomAccessFile(copy.resolve(SessionRecorder.FRAMES).toFile(), "rw")) {
                raf.setLength(cut);
            }
            try (SessionReader r = SessionReader.open(copy, p -> { })) {
                assertTrue(r.size() > 0 && r.size() <= frames.size(), "cut at " + cut + ": " + r.size());
                for (int i = 0; i < r.size(); i++) {
                    assertEquals(frames.get(i), r.frame(i));
                }
            }
        }
        Path stub = dir.resolve("stub");
        copyDir(session, stub);
        try (RandomAccessFile raf = new RandomAccessFile(stub.resolve(SessionRecorder.FRAMES).toFile(), "rw")) {
            raf.setLength(200);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> SessionReader.open(stub, p -> { }));
        assertTrue(e.getMessage().contains("holds no whole frame"), e.getMessage());
    }

    @Test
    void garbageAfterTheLastWholeFrameIsIgnored(@TempDir Path dir) throws IOException {
        Path session = write(dir, frames.subList(0, 100));
        Path file = session.resolve(SessionRecorder.FRAMES);
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // what a full disk or a power cut can leave: the last member's final bytes overwritten with junk
            raf.seek(size - 4000);
            byte[] junk = new byte[4000];
            new Random(9).nextBytes(junk);
            raf.write(junk);
        }
        Files.delete(session.resolve(SessionRecorder.INDEX));
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            assertTrue(r.size() >= 64 && r.size() < 100, "read " + r.size());
            for (int i = 0; i < r.size(); i++) {
                assertEquals(frames.get(i), r.frame(i));
            }
        }
    }

    @Test
    void aMissingOrTornIndexIsRebuiltFromTheFrames(@TempDir Path dir) throws IOException {
        Path session = dir.resolve("s1");
        copyDir(recorded, session); // its index is torn, then deleted
        List<IndexEntry> expected;
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            expected = List.copyOf(r.entries());
        }
        Path idx = session.resolve(SessionRecorder.INDEX);
        String text = Files.readString(idx);
        Files.writeString(idx, text.substring(0, text.length() / 2 + 3));
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            assertEquals(expected, r.entries());
            assertFalse(r.warnings().isEmpty());
        }
        Files.delete(idx);
        List<Double> progress = new ArrayList<>();
        try (SessionReader r = SessionReader.open(session, progress::add)) {
            assertEquals(expected, r.entries());
            assertTrue(progress.size() > 3 && progress.get(progress.size() - 1) == 1.0, progress.toString());
        }
    }

    @Test
    void aRecordingMadeBeforeTheLatencyLadderReadsWithUnknownSlowCounts(@TempDir Path dir) throws IOException {
        assertTrue(frames.get(100).snapshot().total().slowerThan(3) > 0, "recorded frames carry slow counts");
        // Frames as an older build wrote them: the same JSON without any slowCounts.
        List<Frame> old = new ArrayList<>();
        for (Frame f : frames.subList(0, 120)) {
            ObjectNode tree = Json.mapper().valueToTree(f);
            tree.findParents("slowCounts").forEach(n -> ((ObjectNode) n).remove("slowCounts"));
            old.add(Json.mapper().treeToValue(tree, Frame.class));
        }
        Path session = write(dir, old);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(session.resolve(SessionRecorder.FRAMES)))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("\"statusCounts\"") && !text.contains("slowCounts"), "unknown counts are left out");
        }
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            assertEquals(old.size(), r.size());
            for (int i = 0; i < r.size(); i++) {
                Frame f = r.frame(i);
                assertEquals(old.get(i), f);
                assertFalse(f.snapshot().total().slowCountsKnown());
                assertTrue(f.snapshot().segments().stream().noneMatch(SegmentStats::slowCountsKnown));
                assertEquals(frames.get(i).snapshot().total().attempts(), f.snapshot().total().attempts());
            }
        }
    }

    @Test
    void notARecordingIsBadInputNamingTheFolder(@TempDir Path dir) throws IOException {
        BadInputException e = assertThrows(BadInputException.class, () -> SessionReader.open(dir.resolve("nope"), p -> { }));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("not a folder"), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(BadInputException.class, () -> SessionReader.open(dir.resolve("empty"), p -> { }));
        assertTrue(e.getMessage().contains("meta.json"), e.getMessage());
        Path session = write(dir, frames.subList(0, 3));
        Files.writeString(session.resolve(SessionRecorder.META), "{\"format\": 1, \"id\": ");
        e = assertThrows(BadInputException.class, () -> SessionReader.open(session, p -> { }));
        assertTrue(e.getMessage().contains("meta.json is not valid"), e.getMessage());
    }

    private static int indexOf(java.util.function.Predicate<Frame> p) {
        for (int i = 0; i < frames.size(); i++) {
            if (p.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
