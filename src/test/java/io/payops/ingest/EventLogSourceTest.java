package io.payops.ingest;

import io.payops.domain.Attempt;
import io.payops.engine.EventLogSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file's timestamps drive the clock: order, lateness, gaps, bad clocks, and following a growing file. */
class EventLogSourceTest {
    private static final long T0 = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
    private static final EventLogSource.Settings FILE = EventLogSource.Settings.of(false, 60, 900);

    @TempDir
    Path dir;

    static String event(long offsetMillis, String gateway) {
        return "{\"ts\":" + (T0 + offsetMillis) + ",\"status\":\"SUCCESS\",\"latencyMs\":100,\"gateway\":\"" + gateway + "\"}\n";
    }

    private EventLogSource source(Path file, EventLogSource.Settings settings, List<Attempt> seen, AtomicLong wall) {
        return new EventLogSource(EventLogReader.open(file, null, settings.follow()), seen::add, settings, wall::get);
    }

    @Test
    void timeZeroIsTheFirstEventsSecondAndATickTakesTheEventsBeforeItsEnd() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, event(250, "a") + event(900, "b") + event(1000, "c") + event(2500, "d"));
        List<Attempt> seen = new ArrayList<>();
        EventLogSource s = source(f, FILE, seen, new AtomicLong());
        s.advanceTo(1000);
        assertEquals(List.of(250L, 900L), seen.stream().map(Attempt::tsMillis).toList());
        assertEquals(Instant.ofEpochMilli(T0), s.origin());
        assertFalse(s.finished());
        s.advanceTo(2000);
        s.advanceTo(3000);
        assertEquals(4, seen.size());
        assertTrue(s.finished());
        assertEquals(4, s.totals().attempts());
    }

    @Test
    void eventsOutOfFileOrderAreCountedAndStillObserved() throws IOException {
        Path f = dir.resolve("ooo.jsonl");
        Files.writeString(f, event(0, "a") + event(5_000, "a") + event(3_000, "b") + event(4_000, "b") + event(6_000, "a"));
        List<Attempt> seen = new ArrayList<>();
        EventLogSource s = source(f, FILE, seen, new AtomicLong());
        for (long t = 1000; !s.finished(); t += 1000) {
            s.advanceTo(t);
        }
        assertEquals(5, seen.size());
        assertEquals(2, s.outOfOrder());
    }

    @Test
    void aLongQuietStretchIsJumpedOverButOneBadClockIsABadLine() throws IOException {
        Path f = dir.resolve("gap.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            b.append(event(i * 1000L, "a"));
        }
        b.append(event(400L * 86_400_000L, "wrong-clock"));      // one event 400 days ahead
        for (int i = 5; i < 10; i++) {
            b.append(event(i * 1000L, "a"));
        }
        long later = 3 * 3_600_000L;                                 // then three quiet hours
        for (int i = 0; i < 20; i++) {
            b.append(event(later + i * 1000L, "a"));
        }
        Files.writeString(f, b);
        List<Attempt> seen = new ArrayList<>();
        EventLogSource s = source(f, FILE, seen, new AtomicLong());
        int ticks = 0;
        long now = 0;
        while (!s.finished()) {
            now = s.nextTickEnd(now, 1000);
            s.advanceTo(now);
            ticks++;
        }
        assertEquals(30, seen.size(), "the 400-day outlier is dropped, the rest observed");
        assertTrue(seen.stream().noneMatch(a -> a.gateway().equals("wrong-clock")));
        assertEquals(1, s.jumps(), "the three quiet hours are one jump");
        assertTrue(ticks < 100, "the clock jumped instead of ticking through the gap: " + ticks);
        EventLogStats stats = s.stats();
        assertEquals(1, stats.badLines());
        assertEquals(6, stats.firstBadLines().get(0).line());
        assertTrue(stats.firstBadLines().get(0).problem().contains("h ahead of the events around it (a wrong clock?"),
                stats.firstBadLines().get(0).problem());
    }

    @Test
    void aWrongClockOnTheFirstOrTheLastLineIsABadLineNotAJump() throws IOException {
        Path f = dir.resolve("ends.jsonl");
        StringBuilder b = new StringBuilder(event(-900L * 86_400_000L, "wrong-first"));
        for (int i = 0; i < 40; i++) {
            b.append(event(i * 500L, "a"));
        }
        b.append(event(30L * 86_400_000L, "wrong-last"));
        Files.writeString(f, b);
        List<Attempt> seen = new ArrayList<>();
        EventLogSource s = source(f, FILE, seen, new AtomicLong());
        long now = 0;
        while (!s.finished()) {
            now = s.nextTickEnd(now, 1000);
            s.advanceTo(now);
        }
        assertEquals(40, seen.size());
        assertEquals(Instant.ofEpochMilli(T0), s.origin(), "the start is where most events are");
        assertEquals(0, s.jumps());
        assertEquals(List.of(1L, 42L), s.stats().firstBadLines().stream().map(BadLine::line).toList());
        assertTrue(now < 60_000, "the clock stayed with the events: " + now);
    }

    @Test
    void aJumpIsCountedOnceThroughTheEngine() throws Exception {
        Path f = dir.resolve("jump.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(event(i * 1000L, "a"));
        }
        for (int i = 0; i < 20; i++) {
            b.append(event(2 * 3_600_000L + i * 1000L, "a"));
        }
        Files.writeString(f, b);
        EventLogSession session = EventLogSession.open(f, null, null, false, () -> false);
        var report = io.payops.run.EventLogRunner.run(session, io.payops.engine.RunSettings.of("agent"), fr -> { },
                () -> false);
        assertEquals(1, report.input().gapsSkipped());
        assertEquals(40, report.input().events());
        assertEquals(0, report.input().late());
    }

    @Test
    void aDimensionPastAThousandValuesFoldsTheRestIntoOtherSoMemoryStaysBounded() throws Exception {
        Path f = dir.resolve("many.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            b.append("{\"ts\":").append(T0 + i).append(",\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\"g\",")
                    .append("\"merchant\":\"m").append(i).append("\"}\n");
        }
        Files.writeString(f, b);
        EventLogSession session = EventLogSession.open(f, null, null, false, () -> false);
        List<io.payops.domain.Frame> frames = new ArrayList<>();
        var report = io.payops.run.EventLogRunner.run(session, io.payops.engine.RunSettings.of("agent"), frames::add,
                () -> false);
        assertEquals(1500, report.input().events());
        assertEquals(500, report.input().valuesFolded());
        var merchants = frames.get(frames.size() - 1).snapshot().segments().stream()
                .filter(s -> s.target().has(io.payops.domain.Dimension.MERCHANT)
                        && s.target().values().size() == 1).toList();
        assertEquals(1001, merchants.size(), "1,000 merchants and (other)");
        assertTrue(merchants.stream().anyMatch(s -> s.target().get(io.payops.domain.Dimension.MERCHANT)
                .equals(io.payops.observe.Observer.OTHER)));
    }

    @Test
    void aFollowedCsvTruncatedInPlaceGoesOnWithItsHeaderAndARotatedOneReadsItsOwn() throws IOException {
        Path f = dir.resolve("live.csv");
        Files.writeString(f, "ts,status,latencyMs,gateway\n" + (T0) + ",SUCCESS,1,a\n" + (T0 + 500) + ",SUCCESS,1,a\n");
        List<Attempt> seen = new ArrayList<>();
        EventLogSource s = source(f, new EventLogSource.Settings(true, 1_020_000, 3000), seen, new AtomicLong());
        s.ready(1000);
        // copytruncate: the writer goes on with rows, no new header
        Files.writeString(f, (T0 + 1100) + ",SUCCESS,1,t\n" + (T0 + 2100) + ",SUCCESS,1,t\n", StandardOpenOption.TRUNCATE_EXISTING);
        assertTrue(s.ready(2000));
        s.advanceTo(2000);
        assertTrue(seen.stream().anyMatch(a -> "t".equals(a.gateway())), "rows after the truncation are read: " + seen);
        // rotation to a new file with a BOM and its own header, columns in another order
        Files.move(f, dir.resolve("live.csv.1"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(f, "\uFEFFgateway,ts,status,latencyMs\nr," + (T0 + 2500) + ",SUCCESS,1\nbad-row\nr," + (T0 + 3200) + ",SUCCESS,1\n");
        assertTrue(s.ready(3000));
        s.advanceTo(3000);
        assertTrue(seen.stream().anyMatch(a -> "r".equals(a.gateway())), "the rotated file's own header is used");
        assertEquals(new BadLine(3, "has 1 fields, the header has 4"), s.stats().firstBadLines().get(0),
                "line numbers restart with the new file");
        assertEquals(0, s.stats().badLines() - 1, "only the bad row is bad");
    }

    @Test
    void followingPicksUpAppendedLinesAndSurvivesTruncationAndRotation() throws IOException {
        Path f = dir.resolve("live.jsonl");
        Files.writeString(f, event(0, "a") + event(500, "a"));
        List<Attempt> seen = new ArrayList<>();
        AtomicLong wall = new AtomicLong(1_000_000);
        EventLogSource s = source(f, new EventLogSource.Settings(true, 1_020_000, 3000), seen, wall);

        assertFalse(s.ready(1000), "nothing at or after 1 s has been written yet");
        append(f, event(1200, "a"));
        assertTrue(s.ready(1000), "an event past the tick's end: the tick is complete");
        s.advanceTo(1000);
        assertEquals(2, seen.size());

        // half a line: waits for the rest
        append(f, "{\"ts\":" + (T0 + 1500) + ",\"status\":\"SUCC");
        assertFalse(s.ready(2000));
        append(f, "ESS\",\"latencyMs\":100,\"gateway\":\"a\"}\n" + event(2100, "a"));
        assertTrue(s.ready(2000));
        s.advanceTo(2000);
        assertEquals(4, seen.size(), "the line written in two parts is one event");

        // truncated in place (copytruncate): read again from the start
        Files.writeString(f, event(2600, "t") + event(3300, "t"), StandardOpenOption.TRUNCATE_EXISTING);
        assertTrue(s.ready(3000));
        s.advanceTo(3000);
        assertTrue(seen.stream().anyMatch(a -> a.gateway().equals("t")), "lines after the truncation are read");
        assertEquals(1, s.stats().truncations());

        // rotated: the old file moves away, a new one takes its name
        append(f, event(3500, "old"));
        Files.move(f, dir.resolve("live.jsonl.1"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(f, event(4200, "new") + event(5100, "new"));
        assertTrue(s.ready(5000));
        s.advanceTo(5000);
        List<String> gateways = seen.stream().map(Attempt::gateway).toList();
        assertTrue(gateways.contains("old"), "the rotated file is read to its end first: " + gateways);
        assertTrue(gateways.contains("new"), "then the new file from its start: " + gateways);
        assertEquals(1, s.stats().rotations());
        assertFalse(s.finished(), "a followed file never finishes on its own");
    }

    @Test
    void aQuietFollowedFileStillMovesTimeWithTheWallClock() throws IOException {
        Path f = dir.resolve("quiet.jsonl");
        Files.writeString(f, event(0, "a") + event(900, "a"));
        AtomicLong wall = new AtomicLong(1_000_000);
        EventLogSource s = source(f, new EventLogSource.Settings(true, 1_020_000, 3000), new ArrayList<>(), wall);
        assertFalse(s.ready(1000));
        wall.addAndGet(2000);
        assertFalse(s.ready(1000), "within the grace period the log may still catch up");
        wall.addAndGet(2000);
        assertTrue(s.ready(1000), "4 s of silence: time goes on");
        assertFalse(s.ready(6000), "but never faster than the wall clock");
    }

    private static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
