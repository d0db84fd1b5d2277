package io.payops.store;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Command;
import io.payops.domain.Frame;
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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session summary a replay scrubs with: written by the recorder line for line with the frames, read without
 * touching the frames, and built from the frames (then kept) where it is missing, cut short or not this recording's.
 */
class SessionSummaryTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    @TempDir
    static Path shared;
    static Path recorded;
    static List<Frame> frames;

    /** stripe-outage, seed 11, 600 s, the agent with an operator answering each request after 5 s. */
    @BeforeAll
    static void record() throws IOException {
        frames = run(11);
        recorded = write(shared.resolve("s1"), frames);
    }

    static List<Frame> run(long seed) {
        Scenario scenario = ScenarioLoader.builtIn("stripe-outage").withSeed(seed).withDuration(600);
        Engine engine = new Engine(scenario, PolicyFactory.create("agent",
                new RunSettings("agent", ApprovalMode.MANUAL, "heuristic"), scenario.world()), EngineOptions.DEFAULT, null);
        List<Frame> out = new ArrayList<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            out.add(f);
            for (var r : f.step().pendingApprovals()) {
                if (f.simMillis() - r.raisedAtMillis() == 5000) {
                    engine.submit(new Command.Decide(r.actionId(), true, "operator"));
                }
            }
        }
        return out;
    }

    static Path write(Path session, List<Frame> fs) throws IOException {
        SessionMeta meta = new SessionMeta(SessionMeta.FORMAT, "s", "2026-11-21T10:00:00Z", null,
                ScenarioLoader.builtIn("stripe-outage"), "agent", "manual", "heuristic", 1000, true, List.of(), 0, 0,
                0, SessionMeta.RECORDING, null);
        try (SessionRecorder rec = new SessionRecorder(session, meta, CLOCK)) {
            for (Frame f : fs) {
                rec.write(f);
            }
            rec.finish(SessionMeta.COMPLETE, null);
        }
        return session;
    }

    private static SessionSummary load(Path session, AtomicInteger framesRead) {
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            return SessionSummary.load(r, p -> framesRead.incrementAndGet(), () -> false);
        }
    }

    private static Path copy(Path dir, String... files) throws IOException {
        Path to = dir.resolve("copy");
        Files.createDirectories(to);
        for (String f : files) {
            Files.copy(recorded.resolve(f), to.resolve(f));
        }
        return to;
    }

    private static void assertSummarises(List<Frame> fs, SessionSummary s) {
        assertEquals(fs.size(), s.size());
        for (int i = 0; i < fs.size(); i++) {
            Frame f = fs.get(i);
            FrameSummary line = s.line(i);
            assertEquals(f.tick(), line.tick());
            assertEquals(f.simMillis(), line.simMillis());
            assertEquals(f.snapshot().recentTotal().successes(), line.recent().successes(), "frame " + i);
            assertEquals(f.snapshot().recentTotal().p95(), line.recent().p95(), "frame " + i);
            assertEquals(f.snapshot().baselineTotal().attempts(), line.baseline().attempts(), "frame " + i);
            assertEquals(f.step().incidents(), line.incidents(), "frame " + i);
            assertEquals(f.step().actions(), line.actions(), "frame " + i);
            assertEquals(f.step().approvalEnds(), line.approvalEnds(), "frame " + i);
            assertEquals(f.step().learning(), line.learning(), "frame " + i);
            assertEquals(f.step().cycle(), line.cycle(), "frame " + i);
            assertEquals(f.commands(), line.commands(), "frame " + i);
            assertEquals(f.commandErrors(), line.commandErrors(), "frame " + i);
        }
    }

    @Test
    void theRecorderWritesALineForEveryFrameAndItReadsWithoutTheFrames() {
        assertTrue(frames.stream().anyMatch(f -> !f.step().incidents().isEmpty()), "the recording has an incident");
        assertTrue(frames.stream().anyMatch(f -> !f.commands().isEmpty()), "the recording has operator answers");
        AtomicInteger framesRead = new AtomicInteger();
        SessionSummary s = load(recorded, framesRead);
        assertSummarises(frames, s);
        assertEquals(0, framesRead.get(), "no frame was read to build it");
        assertEquals(List.of(), s.warnings());
        FrameSummary stripe = s.line(200);
        assertTrue(stripe.gateways().containsKey("stripe") && stripe.gateways().get("stripe").attempts() > 0,
                "each gateway's traffic, for the sparklines: " + stripe.gateways());
    }

    @Test
    void aSummaryCutShortIsCompletedFromTheFramesAndKept(@TempDir Path dir) throws IOException {
        Path copy = copy(dir, SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX, SessionSummary.FILE);
        try (FileChannel ch = FileChannel.open(copy.resolve(SessionSummary.FILE), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2); // as a process killed while recording leaves it
        }
        AtomicInteger framesRead = new AtomicInteger();
        assertSummarises(frames, load(copy, framesRead));
        assertTrue(framesRead.get() > 0 && framesRead.get() < frames.size(),
                "only the frames the summary lacked were read: " + framesRead.get());
        AtomicInteger again = new AtomicInteger();
        assertSummarises(frames, load(copy, again));
        assertEquals(0, again.get(), "the completed summary was kept beside the recording");
    }

    @Test
    void aRecordingWithoutASummaryHasItBuiltFromItsFrames(@TempDir Path dir) throws IOException {
        Path copy = copy(dir, SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX);
        AtomicInteger framesRead = new AtomicInteger();
        assertSummarises(frames, load(copy, framesRead));
        assertEquals(frames.size(), framesRead.get());
        assertTrue(Files.exists(copy.resolve(SessionSummary.FILE)));
    }

    @Test
    void aSessionStillMarkedRecordingIsLeftAsItIs(@TempDir Path dir) throws IOException {
        Path copy = copy(dir, SessionRecorder.FRAMES, SessionRecorder.INDEX);
        SessionMeta done = SessionMetaFile.read(recorded, "test");
        SessionMeta recording = new SessionMeta(done.format(), done.id(), done.startedAt(), null, done.scenario(),
                done.policy(), done.approval(), done.reasoner(), done.tickMillis(), done.live(), done.lessons(),
                done.frames(), done.lastSimMillis(), done.droppedFrames(), SessionMeta.RECORDING, null);
        Files.write(copy.resolve(SessionRecorder.META), io.payops.common.Json.pretty().writeValueAsBytes(recording));
        assertSummarises(frames, load(copy, new AtomicInteger()));
        assertTrue(Files.notExists(copy.resolve(SessionSummary.FILE)),
                "a recorder may be writing it, or the next writer closes it by its last write");
    }

    @Test
    void anotherRecordingsSummaryIsNotBelieved(@TempDir Path dir) throws IOException {
        Path other = write(dir.resolve("other"), run(12).subList(0, 300).stream()
                .map(f -> new Frame(f.tick() + 1_000, f.simMillis(), f.finished(), f.snapshot(), f.routing(),
                        f.faults(), f.step(), f.totals(), f.commands(), f.commandErrors(), f.tickets()))
                .toList());
        Path copy = copy(dir, SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX);
        Files.copy(other.resolve(SessionSummary.FILE), copy.resolve(SessionSummary.FILE));
        AtomicInteger framesRead = new AtomicInteger();
        assertSummarises(frames, load(copy, framesRead));
        assertEquals(frames.size(), framesRead.get(), "its lines name other ticks: all were built from the frames");
    }

    @Test
    void aDamagedSummaryIsRebuiltAndATornRecordingHasALineForEachFrameItHas(@TempDir Path dir) throws IOException {
        Path copy = copy(dir, SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX, SessionSummary.FILE);
        Files.write(copy.resolve(SessionSummary.FILE), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        AtomicInteger framesRead = new AtomicInteger();
        assertSummarises(frames, load(copy, framesRead));
        assertEquals(frames.size(), framesRead.get());

        Path torn = copy(dir.resolve("torn"), SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX,
                SessionSummary.FILE);
        try (FileChannel ch = FileChannel.open(torn.resolve(SessionRecorder.FRAMES), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() * 3 / 4);
        }
        try (SessionReader r = SessionReader.open(torn, p -> { })) {
            SessionSummary s = SessionSummary.load(r, p -> { }, () -> false);
            assertEquals(r.size(), s.size(), "a line for each frame the reader has, none for the frames cut off");
            assertSummarises(frames.subList(0, r.size()), s);
        }
    }

    @Test
    void incidentsAndLearningAreWrittenOnlyWhenTheyChangeAndHandedOutFilledIn() {
        FrameSummary before = null;
        int incidents = 0;
        int learning = 0;
        for (Frame f : frames) {
            FrameSummary line = FrameSummary.of(f, before);
            incidents += line.incidents() != null ? 1 : 0;
            learning += line.learning() != null ? 1 : 0;
            before = line.filledIn(before);
            assertEquals(f.step().incidents(), before.incidents());
            assertEquals(f.step().learning(), before.learning());
        }
        assertTrue(incidents > 1 && incidents < frames.size() / 2, "incidents written on change only: " + incidents);
        assertTrue(learning >= 1 && learning < frames.size() / 10, "learning written on change only: " + learning);
        FrameSummary first = FrameSummary.of(frames.get(0), null).filledIn(null);
        assertNull(FrameSummary.of(frames.get(1), first).incidents());
    }

    @Test
    void aBuildStopsWhenTheReplayIsClosed(@TempDir Path dir) throws IOException {
        Path copy = copy(dir, SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX);
        AtomicInteger polls = new AtomicInteger();
        try (SessionReader r = SessionReader.open(copy, p -> { })) {
            assertThrows(CancellationException.class,
                    () -> SessionSummary.load(r, p -> { }, () -> polls.incrementAndGet() > 10));
        }
        assertEquals(11, polls.get());
        assertTrue(Files.notExists(copy.resolve(SessionSummary.FILE)), "nothing half-built is kept");
    }
}
