package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.domain.Frame;
import io.payops.store.SessionReader;
import io.payops.store.SessionRecorder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-flip property (issue 17): 1,000 single-byte changes (fixed seed) at random places of a small real
 * recording's three files. After each, reading it as the commands do either works, with the frames it returns exactly
 * a prefix of those recorded (all of them unless the damage is in the last gzip member), or is refused with one
 * message naming the file; never anything else. Every flip is read through the reader entry the commands use
 * ({@link SessionReader#open}, then every frame in order, as what-if reads them); every tenth flip, and every flip of
 * meta.json the reader accepts (only the commands use its world, lessons and settings), also goes through the full
 * {@code what-if} command and {@code replay}'s read of the folder, in-process: exit 0 or 2, no "Exception" or stack
 * frame on stderr, and an exit 2 names the file. A thousand full what-if runs would take minutes on a busy machine;
 * the reader is where the damage is met, and the full runs check that nothing between it and the exit status
 * changes the outcome. Each flip is undone before the next, on one copy of the recording.
 */
class RecordingByteFlipTest extends AbstractInProcessTest {
    private static final int FLIPS = 1000;
    private static final int EVERY_NTH_THROUGH_THE_COMMANDS = 10;
    private static final long SEED = 20_261_121L;
    private static final List<String> FILES = List.of(SessionRecorder.FRAMES, SessionRecorder.INDEX,
            SessionRecorder.META);

    /** How one flip was read. */
    private record Outcome(int exit, String message, List<Frame> frames) {
    }

    @Test
    void everySingleByteFlipIsReadUpToOrRefusedNamingTheFile() throws IOException {
        long started = System.nanoTime();
        Path session = SmallRecording.copy(SmallRecording.record(work, SmallRecording.SHORT_FRAMES),
                work.resolve("flipped"));
        List<Frame> recorded = readAsTheCommandsDo(session, true).frames();
        assertEquals(SmallRecording.SHORT_FRAMES, recorded.size());
        Random rnd = new Random(SEED);
        int[] exits = new int[3];
        int commandRuns = 0;
        long readNanos = 0;
        long commandNanos = 0;
        System.out.printf("recording: %d + %d + %d bytes; made in %d ms%n", Files.size(session.resolve(FILES.get(0))),
                Files.size(session.resolve(FILES.get(1))), Files.size(session.resolve(FILES.get(2))),
                (System.nanoTime() - started) / 1_000_000);
        for (int i = 0; i < FLIPS; i++) {
            String name = FILES.get(rnd.nextInt(FILES.size()));
            Path file = session.resolve(name);
            long at = (long) (rnd.nextDouble() * Files.size(file));
            int xor = 1 + rnd.nextInt(255);
            String flip = "flip " + i + ": byte " + at + " of " + name + " ^ 0x" + Integer.toHexString(xor);
            int original = change(file, at, -1, xor);
            try {
                long t0 = System.nanoTime();
                // meta.json is read whole at the open: the frames after it are the recording's own
                Outcome o = readAsTheCommandsDo(session, !name.equals(SessionRecorder.META));
                readNanos += System.nanoTime() - t0;
                exits[o.exit()]++;
                if (o.exit() == 2) {
                    assertTrue(o.message().contains(session.toString()) && o.message().contains(name),
                            flip + ": the message names the folder and the file: " + o.message());
                } else {
                    assertEquals(recorded.subList(0, o.frames().size()), o.frames(),
                            flip + ": the frames read are the frames recorded");
                    assertTrue(name.equals(SessionRecorder.FRAMES) || name.equals(SessionRecorder.META)
                            || o.frames().size() == recorded.size(),
                            flip + ": damage to the index loses no frame (read " + o.frames().size() + ")");
                }
                if (i % EVERY_NTH_THROUGH_THE_COMMANDS == 0 || name.equals(SessionRecorder.META) && o.exit() == 0) {
                    commandRuns++;
                    long t1 = System.nanoTime();
                    checkCommand(flip, name, session, payops("what-if", session.toString()));
                    checkCommand(flip, name, session, SmallRecording.replayRead(session));
                    commandNanos += System.nanoTime() - t1;
                }
            } finally {
                change(file, at, original, 0);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        // for the report: how the flips ended, and how long it took (never a verdict: machines differ)
        System.out.printf("%d flips: %d read (maybe with a warning), %d refused, in %d ms; %d through the commands, "
                + "in %d ms; %d s in all%n", FLIPS, exits[0], exits[2], readNanos / 1_000_000, commandRuns,
                commandNanos / 1_000_000, seconds);
        assertTrue(exits[0] > 0 && exits[2] > 0, "both outcomes were met: " + exits[0] + " read, " + exits[2] + " refused");
    }

    /** What the commands' reader does with the folder: every frame in order, or the refusal's message. */
    private static Outcome readAsTheCommandsDo(Path session, boolean frames) {
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            List<Frame> read = new ArrayList<>();
            for (Frame f : frames ? r.frames() : List.<Frame>of()) {
                read.add(f);
            }
            return new Outcome(0, "", read);
        } catch (BadInputException e) {
            return new Outcome(2, e.getMessage(), List.of());
        }
    }

    private static void checkCommand(String flip, String name, Path session, Result r) {
        String what = flip + "\n" + r.describe();
        assertTrue(r.exit() == 0 || r.exit() == 2, what);
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), what);
        assertNoStackTrace(r);
        if (r.exit() == 2) {
            String first = r.stderrLines().get(0);
            assertTrue(first.startsWith("payops: ") && first.contains(session.toString()) && first.contains(name),
                    what);
        }
    }

    /** Sets the byte at {@code at} to {@code value}, or XORs it with {@code xor} when value is -1; returns the old one. */
    private static int change(Path file, long at, int value, int xor) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int old = raf.read();
            raf.seek(at);
            raf.write(value >= 0 ? value : old ^ xor);
            return old;
        }
    }
}
