package io.payops.cli;

import io.payops.store.IndexEntry;
import io.payops.store.SessionRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged recording through the command line, in-process, one kind of damage per test: {@code what-if} and
 * {@code replay}'s read of the folder either read up to the damage with a warning (exit 0) or refuse it with one
 * message naming the file, the frame and what was wrong (exit 2); never a stack trace. Which kind gets which is
 * {@code FrameIndexLoader}'s and {@code SessionMetaFile}'s business; the byte-flip property is
 * {@link RecordingByteFlipTest}'s.
 */
class RecordingDamageTest extends AbstractInProcessTest {
    @TempDir
    static Path shared;
    static Path recorded;
    static String undamagedSummary;

    @BeforeAll
    static void record() throws IOException {
        recorded = SmallRecording.record(shared, SmallRecording.FRAMES);
        Result r = payops("what-if", recorded.toString());
        assertExit(0, r);
        assertEquals("", r.stderr(), r.describe());
        undamagedSummary = summary(r);
        assertTrue(undamagedSummary.contains("over " + SmallRecording.FRAMES + " frames, 0 differ"), r.describe());
        assertEquals(3, SmallRecording.memberOffsets(recorded).size(), "a first, a middle and a last gzip member");
    }

    private Path damaged() throws IOException {
        return SmallRecording.copy(recorded, work.resolve("damaged"));
    }

    /** The line "N cycles compared over M frames, K differ; …" of what-if's output. */
    private static String summary(Result r) {
        return r.stdout().lines().filter(l -> l.contains("cycles compared")).findFirst().orElse("");
    }

    /** Exit 2, one message naming the folder and the file, in a person's words; returns the message. */
    private static String refused(Result r, Path session, String file) {
        String msg = assertBadInput(r);
        assertTrue(msg.contains(session.toString()) && msg.contains(file), () -> "names the file\n" + r.describe());
        assertPlainWords(msg, r);
        return msg;
    }

    /** Exit 0 with the warning naming the file; returns the warnings. */
    private static String warned(Result r, String file) {
        assertExit(0, r);
        assertNoStackTrace(r);
        assertTrue(r.stderr().startsWith("payops: warning: ") && r.stderr().contains(file), r.describe());
        assertPlainWords(r.stderr(), r);
        return r.stderr();
    }

    private static void assertPlainWords(String msg, Result r) {
        for (String jackson : List.of("`", "Cannot deserialize", "Cannot construct", "com.fasterxml", "io.payops.",
                "java.", "Exception")) {
            assertFalse(msg.contains(jackson), () -> "'" + jackson + "' in the message\n" + r.describe());
        }
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x5a);
        }
    }

    private static long member(Path session, int k) throws IOException {
        return SmallRecording.memberOffsets(session).get(k);
    }

    // ---- frames.jsonl.gz ----

    @Test
    void aCrcMismatchInAMiddleMemberIsRefusedNamingTheFrame() throws IOException {
        Path s = damaged();
        // a byte of the middle member's CRC (its trailer ends where the last member starts): the data still inflates
        flip(s.resolve(SessionRecorder.FRAMES), member(s, 2) - 6);
        String msg = refused(payops("what-if", s.toString()), s, SessionRecorder.FRAMES);
        assertTrue(msg.contains("frame 65 (tick 65, sim time 65 s)") && msg.contains("CRC mismatch"), msg);
        // replay opens it (the middle member is checked when it is first shown, and the banner says so)
        assertExit(0, SmallRecording.replayRead(s));
    }

    @Test
    void badGzipDataInAMiddleMemberIsRefusedNamingTheFrame() throws IOException {
        Path s = damaged();
        flip(s.resolve(SessionRecorder.FRAMES), member(s, 1) + 200);
        String msg = refused(payops("what-if", s.toString()), s, SessionRecorder.FRAMES);
        assertTrue(msg.contains("frame 65 (tick 65, sim time 65 s)")
                && (msg.contains("CRC mismatch") || msg.contains("bad gzip member")), msg);
    }

    @Test
    void aBadGzipHeaderInAMiddleMemberIsRefusedByWhatIfAndReplayAlike() throws IOException {
        Path s = damaged();
        flip(s.resolve(SessionRecorder.FRAMES), member(s, 1));
        Result whatIf = payops("what-if", s.toString());
        String msg = refused(whatIf, s, SessionRecorder.FRAMES);
        assertTrue(msg.contains("frame 65 (after tick 64, sim time 64 s)") && msg.contains("no gzip header")
                && msg.contains("more frames follow the damage"), msg);
        assertEquals(msg, refused(SmallRecording.replayRead(s), s, SessionRecorder.FRAMES));
    }

    @Test
    void damageInTheLastMemberIsReadUpToWithAWarning() throws IOException {
        Path s = damaged();
        Path frames = s.resolve(SessionRecorder.FRAMES);
        flip(frames, Files.size(frames) - 6); // the last member's CRC
        Result r = payops("what-if", s.toString());
        String w = warned(r, SessionRecorder.FRAMES);
        assertTrue(w.contains("frame 129 (after tick 128, sim time 128 s)") && w.contains("CRC mismatch")
                && w.contains("read the 128 frames before it"), w);
        assertTrue(summary(r).contains("over 128 frames"), r.describe());
        assertEquals(w, warned(SmallRecording.replayRead(s), SessionRecorder.FRAMES));
    }

    @Test
    void aFramesFileCutShortIsReadUpToItsLastWholeFrameWithAWarning() throws IOException {
        Path s = damaged();
        try (RandomAccessFile raf = new RandomAccessFile(s.resolve(SessionRecorder.FRAMES).toFile(), "rw")) {
            raf.setLength(member(s, 2) + 30);
        }
        Result r = payops("what-if", s.toString());
        String w = warned(r, SessionRecorder.INDEX);
        assertTrue(w.contains("lists 130 frames but frames.jsonl.gz holds 128"), w);
        assertTrue(summary(r).contains("over 128 frames"), r.describe());
    }

    @Test
    void aFrameThatIsNotValidJsonIsRefusedNamingTheFrameAndTheField() throws IOException {
        Path s = damaged();
        // frame 70 says its tick in letters, in a member whose CRC matches (as a bug, not a flipped bit, would write)
        rewriteMember(s, 1, line -> line.replaceFirst("^\\{\"tick\":70,", "{\"tick\":\"7O\","));
        Result r = payops("what-if", s.toString());
        String msg = refused(r, s, SessionRecorder.FRAMES);
        assertTrue(msg.contains("frame 70 (tick 70, sim time 70 s): not a valid frame: field 'tick' should be a whole "
                + "number (found \"7O\")"), msg);
        // without the index, the frames are read at once, and the same frame is named
        Files.delete(s.resolve(SessionRecorder.INDEX));
        msg = refused(SmallRecording.replayRead(s), s, SessionRecorder.FRAMES);
        assertTrue(msg.contains("frame 70 (after tick 69, sim time 69 s) is not a valid frame: field 'tick'"), msg);
    }

    // ---- frames.idx ----

    @Test
    void anIndexEntryPointingPastTheEndIsReadFromTheFramesWithAWarning() throws IOException {
        Path s = damaged();
        List<IndexEntry> index = SmallRecording.index(s);
        IndexEntry e = index.get(99);
        replaceIndexLine(s, 99, new IndexEntry(e.tick(), e.simMillis(), 99_999_999, 0, e.marks()));
        String w = readAsUndamagedWithAnIndexWarning(s);
        assertTrue(w.contains("frames.idx: line 100 is damaged") && w.contains("past the end"), w);
    }

    @Test
    void anIndexLineThatIsNotNumbersIsReadFromTheFramesWithAWarning() throws IOException {
        Path s = damaged();
        flip(s.resolve(SessionRecorder.INDEX), 40 * 20);
        String w = readAsUndamagedWithAnIndexWarning(s);
        assertTrue(w.contains("is damaged") && w.contains("read the frames from there on"), w);
    }

    @Test
    void anIndexTimeThatStillFitsIsFoundWhenItsFrameIsReadAndTheIndexRebuilt() throws IOException {
        Path s = damaged();
        IndexEntry e = SmallRecording.index(s).get(9);
        replaceIndexLine(s, 9, new IndexEntry(e.tick(), e.simMillis() + 7, e.memberOffset(), e.line(), e.marks()));
        String w = readAsUndamagedWithAnIndexWarning(s);
        assertTrue(w.contains("line 10 says tick 10 at 10007 ms, but the frame there is tick 10 at 10000 ms; rebuilt"),
                w);
    }

    // ---- meta.json ----

    @Test
    void aMetaFieldOfTheWrongTypeIsNamedInWordsNotJacksonTypes() throws IOException {
        String msg = metaRefused("\"tickMillis\" : 1000", "\"tickMillis\" : \"fast\"");
        assertTrue(msg.endsWith("meta.json is not valid: field 'tickMillis' should be a whole number (found \"fast\")"),
                msg);
        Path s = work.resolve("damaged");
        assertEquals(msg, refused(SmallRecording.replayRead(s), s, SessionRecorder.META));
    }

    @Test
    void aMetaValueNotAmongTheKnownOnesIsNamedInWords() throws IOException {
        String msg = metaRefused("\"shape\" : \"FLAT\"", "\"shape\" : \"ZIGZAG\"");
        assertTrue(msg.contains("field 'scenario.shape' should be a known traffic shape (found \"ZIGZAG\")"), msg);
    }

    @Test
    void aMetaThatIsNotJsonIsNamedWithItsLineAndColumn() throws IOException {
        String msg = metaRefused("\"format\" : 1,", "\"format\" : 1,,");
        assertTrue(msg.contains("meta.json is not valid: not valid JSON at line 2, column"), msg);
    }

    @Test
    void anUnknownMetaFieldIsNamedWithTheOnesExpected() throws IOException {
        String msg = metaRefused("\"startedAt\"", "\"startedAtt\"");
        assertTrue(msg.contains("field 'startedAtt' is not one it can have (expected one of approval, droppedFrames"),
                msg);
    }

    @Test
    void aMetaWithoutItsWorldIsRefused() throws IOException {
        Path s = damaged();
        String meta = Files.readString(s.resolve(SessionRecorder.META));
        String cut = meta.replaceAll("(?s)\"world\" : \\{.*?\"merchants\" : \\[.*?\\]\\s*\\}", "\"world\" : null");
        assertFalse(cut.equals(meta), "the world was cut out");
        Files.writeString(s.resolve(SessionRecorder.META), cut);
        String msg = refused(payops("what-if", s.toString()), s, SessionRecorder.META);
        assertTrue(msg.contains("field 'scenario.world' is missing"), msg);
    }

    /** A damaged index loses nothing: what-if compares every frame, as on the undamaged copy, and warns. */
    private static String readAsUndamagedWithAnIndexWarning(Path s) {
        Result r = payops("what-if", s.toString());
        String w = warned(r, SessionRecorder.INDEX);
        assertEquals(undamagedSummary, summary(r), r.describe());
        return w;
    }

    // ---- helpers that damage a copy ----

    /** What-if's refusal of a copy whose meta.json has {@code from} replaced by {@code to}. */
    private String metaRefused(String from, String to) throws IOException {
        Path s = damaged();
        editMeta(s, from, to);
        return refused(payops("what-if", s.toString()), s, SessionRecorder.META);
    }

    private static void editMeta(Path s, String from, String to) throws IOException {
        Path meta = s.resolve(SessionRecorder.META);
        String text = Files.readString(meta);
        assertTrue(text.contains(from), "meta.json holds " + from + ":\n" + text);
        Files.writeString(meta, text.replace(from, to));
    }

    private static void replaceIndexLine(Path s, int line, IndexEntry e) throws IOException {
        Path idx = s.resolve(SessionRecorder.INDEX);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(idx, StandardCharsets.US_ASCII));
        lines.set(line, e.toLine().strip());
        Files.writeString(idx, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
    }

    /** Member {@code k} inflated, each of its lines changed, and deflated again with a CRC that matches. */
    private static void rewriteMember(Path s, int k, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path frames = s.resolve(SessionRecorder.FRAMES);
        byte[] all = Files.readAllBytes(frames);
        List<Long> members = SmallRecording.memberOffsets(s);
        int from = members.get(k).intValue();
        int to = k + 1 < members.size() ? members.get(k + 1).intValue() : all.length;
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(all, from, to - from))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder changed = new StringBuilder();
        text.lines().forEach(l -> changed.append(edit.apply(l)).append('\n'));
        assertFalse(changed.toString().equals(text), "the edit changed member " + k);
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(member)) {
            out.write(changed.toString().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(all, 0, from);
        file.write(member.toByteArray());
        file.write(Arrays.copyOfRange(all, to, all.length));
        Files.write(frames, file.toByteArray());
    }
}
