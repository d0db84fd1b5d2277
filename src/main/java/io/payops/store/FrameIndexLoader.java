package io.payops.store;

import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.domain.Frame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Finds every frame of a recording: the index as written, checked, then the frames file from where the index stops.
 * What it meets on the way decides how the recording reads, and each kind of damage is handled for a reason:
 * <ul>
 * <li><b>The index</b> ({@code frames.idx}) only says where frames are; the frames file is the recording. A
 *     missing, torn or damaged index (a line that is not five numbers or cannot follow the line before, an entry
 *     pointing past the end of the frames) is used up to its last good line and the rest is read from the frames,
 *     with a warning: nothing is lost, so nothing is refused.</li>
 * <li><b>The end of the frames file</b>, its last gzip member: a process killed while recording leaves it without
 *     its end, a full disk or a power cut may leave junk in it. Whatever is wrong there (no gzip header, bad gzip
 *     data, a CRC mismatch, a frame that is not valid JSON, a torn last line), the recording is read up to the
 *     damage with a warning, as a torn tail always was: what came before it is whole and is what a person wants to
 *     see. A member that fails its CRC, or holds bytes that are not deflate data, is dropped whole, since which of
 *     its frames were changed cannot be told; a member the file merely ends inside keeps its whole lines.</li>
 * <li><b>Damage with more frames after it</b> (the same problems in any member but the last, or a frame that is
 *     not valid JSON in a member whose CRC matches) is not something a crash can leave: the recording is damaged.
 *     Reading only up to it would show a what-if or a replay as if the session had ended there, so it is refused
 *     (exit 2) with a message naming the file, the frame and what was wrong.</li>
 * </ul>
 * Members are checked against their CRC as they are inflated: here from the last indexed member on, and by
 * {@link SessionReader#frame} for the others, when they are first read (checking them all here would inflate the
 * whole recording before a replay could show its first frame).
 */
final class FrameIndexLoader {
    private final String where;
    private final Path dir;
    private final FileChannel ch;
    private final List<String> warnings;
    private final DoubleConsumer progress;

    FrameIndexLoader(String where, Path dir, FileChannel ch, List<String> warnings, DoubleConsumer progress) {
        this.where = where;
        this.dir = dir;
        this.ch = ch;
        this.warnings = warnings;
        this.progress = progress;
    }

    /** The index as written, checked against the frames; read from the frames where it falls short. */
    List<IndexEntry> load() throws IOException {
        List<IndexEntry> entries = readIndexFile();
        boolean indexDamaged = !warnings.isEmpty();
        int written = entries.size();
        // the index is written after each frame, so it can only lag the frames; trust it up to the last entry whose
        // frame is really there, then scan whatever follows
        FrameMarker marker = new FrameMarker();
        long scanFrom = 0;
        int firstLine = 0;
        GzipMember member = null;
        long memberAt = -1;
        while (!entries.isEmpty()) {
            IndexEntry last = entries.get(entries.size() - 1);
            if (last.memberOffset() != memberAt) {
                member = GzipMember.read(ch, last.memberOffset());
                memberAt = last.memberOffset();
            }
            if (member.state().damaged()) {
                // none of the member's frames can be trusted: drop all of them; the scan meets the damage again
                entries.removeIf(e -> e.memberOffset() == last.memberOffset());
                continue;
            }
            int[] starts = Lines.starts(member.text());
            if (starts.length - 1 > last.line()) {
                Frame f = parseOrNull(member.text(), starts, last.line());
                if (f != null && f.tick() == last.tick() && f.simMillis() == last.simMillis()) {
                    if (entries.size() > 1) {
                        // incidents and requests already open must not count as new in the frames scanned next
                        marker.marks(f);
                    }
                    scanFrom = last.memberOffset();
                    firstLine = last.line() + 1;
                    break;
                }
            }
            entries.remove(entries.size() - 1);
        }
        if (entries.isEmpty()) {
            marker = new FrameMarker();
        }
        int before = entries.size();
        int warned = warnings.size();
        scan(scanFrom, firstLine, entries, marker);
        if (before > 0 && entries.size() > before) {
            // frames beyond the index were found: their marks need what the marker saw in every frame before them
            // (an incident seen, closed and seen again is not new), which one primed frame cannot give; so the
            // whole index is rebuilt, a cost paid only after a crash or a damaged index
            List<IndexEntry> whole = new ArrayList<>();
            int warnedBefore = warnings.size();
            try {
                scan(0, 0, whole, new FrameMarker());
                if (whole.size() == entries.size()) {
                    entries = whole;
                }
            } catch (IOException | RuntimeException e) {
                // damage the indexed frames hide: it is met, and named with its index entry, when its frame is read
            } finally {
                warnings.subList(warnedBefore, warnings.size()).clear(); // the scan above said the same already
            }
        }
        if (indexDamaged || warnings.size() > warned) {
            return entries; // what went wrong is said already
        }
        if (written > entries.size()) {
            warnings.add(SessionRecorder.INDEX + " lists " + written + " frames but " + SessionRecorder.FRAMES
                    + " holds " + entries.size() + " whole ones; read those");
        } else if (before > 0 && entries.size() > before) {
            warnings.add(SessionRecorder.INDEX + " lagged the frames by " + (entries.size() - before)
                    + "; read them from the frames");
        }
        return entries;
    }

    /** Every frame, from the frames file alone (the index is not looked at). */
    List<IndexEntry> fromFrames() throws IOException {
        List<IndexEntry> entries = new ArrayList<>();
        scan(0, 0, entries, new FrameMarker());
        return entries;
    }

    /** The index file's lines up to the first one that is torn or cannot be right; a warning says where it broke. */
    private List<IndexEntry> readIndexFile() throws IOException {
        List<IndexEntry> entries = new ArrayList<>();
        String text;
        try {
            // Latin-1 maps every byte to a character, so a damaged byte shows as a bad line rather than an exception
            text = Files.readString(dir.resolve(SessionRecorder.INDEX), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            warnings.add(SessionRecorder.INDEX + " is missing; rebuilt it from the frames");
            return entries;
        } catch (IOException e) {
            warnings.add(SessionRecorder.INDEX + " cannot be read (" + e.getMessage() + "); rebuilt it from the frames");
            return entries;
        }
        long size = ch.size();
        String[] lines = text.split("\n", -1);
        IndexEntry prev = null;
        for (int i = 0; i < lines.length; i++) {
            boolean lastLine = i == lines.length - 1;
            if (lastLine) {
                // every entry is written with its newline: what follows the last one is empty, or torn by a crash even
                // when it reads as five numbers ("... 16" cut to "... 1"); its frame is read from the frames file
                // (the index then lags, which is said later)
                break;
            }
            IndexEntry e = IndexEntry.parse(lines[i]);
            String problem;
            if (e == null) {
                problem = "not five numbers";
            } else {
                problem = e.problemAfter(prev);
                if (problem == null && e.memberOffset() >= size) {
                    problem = "points past the end of " + SessionRecorder.FRAMES + " (byte " + e.memberOffset()
                            + " of " + size + ")";
                } else if (problem == null && (prev == null || e.memberOffset() != prev.memberOffset())
                        && !gzipHeaderAt(e.memberOffset())) {
                    problem = "points at byte " + e.memberOffset() + " of " + SessionRecorder.FRAMES
                            + ", where no gzip member starts";
                }
            }
            if (problem != null) {
                warnings.add(SessionRecorder.INDEX + ": line " + (i + 1) + " is damaged (" + problem
                        + "); read the frames from there on from " + SessionRecorder.FRAMES);
                break;
            }
            entries.add(e);
            prev = e;
        }
        return entries;
    }

    private boolean gzipHeaderAt(long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4);
        while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
            // until the four bytes are in or the file ends
        }
        return b.position() == 4 && GzipMember.isHeader(b.array(), 0);
    }

    /** Reads members from {@code offset} on, indexing every whole frame from line {@code firstLine} of the first. */
    private void scan(long offset, int firstLine, List<IndexEntry> out, FrameMarker marker) throws IOException {
        long size = ch.size();
        long pos = offset;
        int skip = firstLine;
        while (pos < size) {
            GzipMember m = GzipMember.read(ch, pos);
            if (m.state().damaged()) {
                endAtDamage(pos, out, m.state().problem());
                return;
            }
            byte[] text = m.text();
            int[] starts = Lines.starts(text);
            for (int line = skip; line < starts.length - 1; line++) {
                Frame f;
                try {
                    f = parse(text, starts, line);
                } catch (IOException e) {
                    String problem = "frame " + (out.size() + 1) + " " + after(out) + " is not a valid frame: "
                            + JsonProblem.describe(e);
                    if (m.complete()) {
                        // its CRC matches: PayOps wrote this line as it is, so no torn end can explain it
                        throw new BadInputException(where + ": " + SessionRecorder.FRAMES + ": " + problem);
                    }
                    endAtDamage(pos, out, problem);
                    return;
                }
                out.add(new IndexEntry(f.tick(), f.simMillis(), pos, line, FrameMark.bits(marker.marks(f))));
            }
            skip = 0;
            if (!m.complete()) {
                if (laterMemberAfter(pos)) {
                    throw new BadInputException(where + ": " + SessionRecorder.FRAMES + ": frame " + (out.size() + 1)
                            + " " + after(out) + ": bad gzip member at byte " + pos + ": it runs on past the members "
                            + "that follow it" + middle(out));
                }
                if (starts[starts.length - 1] < text.length) {
                    warnings.add(SessionRecorder.FRAMES + " ends inside frame " + (out.size() + 1) + " " + after(out)
                            + " (a crash or a full disk cut it short); read the " + out.size()
                            + " whole frames before it");
                }
                return;
            }
            pos += m.compressedSize();
            progress.accept(Math.min(1, pos / (double) size));
        }
    }

    /**
     * The frames end at damage found at {@code pos}: a warning when nothing readable follows it (the end of the
     * recording, as a crash leaves it), the refusal naming the frame when more members follow.
     */
    private void endAtDamage(long pos, List<IndexEntry> out, String problem) throws IOException {
        String at = problem.startsWith("frame ") ? problem
                : "frame " + (out.size() + 1) + " " + after(out) + ": " + problem + " (at byte " + pos + ")";
        if (laterMemberAfter(pos)) {
            throw new BadInputException(where + ": " + SessionRecorder.FRAMES + ": " + at + middle(out));
        }
        warnings.add(SessionRecorder.FRAMES + ": " + at + "; nothing readable follows, as when a crash or a full "
                + "disk cuts a recording short: read the " + out.size() + " frames before it");
    }

    private static String middle(List<IndexEntry> out) {
        return "; more frames follow the damage, so the recording is damaged, not cut short (expected a recording as "
                + "PayOps wrote it; the " + out.size() + " frames before the damage are whole)";
    }

    /** "(after tick 64, sim time 64 s)", so a person can find the spot in a replay. */
    static String after(List<IndexEntry> out) {
        if (out.isEmpty()) {
            return "(the first)";
        }
        IndexEntry last = out.get(out.size() - 1);
        return "(after tick " + last.tick() + ", sim time " + simTime(last.simMillis()) + ")";
    }

    static String simTime(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    /**
     * Whether a readable member starts anywhere after {@code pos}: one that inflates and whose first line is a
     * frame. That tells damage in the middle of a recording from damage at its end without the index, which may be
     * damaged too.
     */
    private boolean laterMemberAfter(long pos) throws IOException {
        long size = ch.size();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long at = pos + 1;
        int carried = 0;
        while (at + carried < size) {
            buf.clear();
            buf.position(carried);
            int n = ch.read(buf, at + carried);
            if (n <= 0) {
                break;
            }
            byte[] b = buf.array();
            int len = carried + n;
            for (int i = 0; i + 3 < len; i++) {
                if ((b[i] & 0xff) == 0x1f && GzipMember.isHeader(b, i) && startsWithAFrame(at + i)) {
                    return true;
                }
            }
            // keep the last three bytes: a magic number may straddle two reads
            int keep = Math.min(3, len);
            System.arraycopy(b, len - keep, b, 0, keep);
            at += len - keep;
            carried = keep;
        }
        return false;
    }

    private boolean startsWithAFrame(long offset) throws IOException {
        GzipMember m = GzipMember.read(ch, offset);
        if (m.state().damaged()) {
            return false;
        }
        int[] starts = Lines.starts(m.text());
        return starts.length > 1 && parseOrNull(m.text(), starts, 0) != null;
    }

    static Frame parseOrNull(byte[] text, int[] starts, int line) {
        try {
            return parse(text, starts, line);
        } catch (IOException e) {
            return null;
        }
    }

    static Frame parse(byte[] text, int[] starts, int line) throws IOException {
        try {
            return Json.mapper().readValue(text, starts[line], starts[line + 1] - starts[line] - 1, Frame.class);
        } catch (RuntimeException e) {
            // Jackson wraps what a frame's constructors throw; anything else that escapes is still a line that is
            // not a frame, and is reported as such rather than as a crash
            throw new IOException("its values do not make a frame", e);
        }
    }

    /** Where the whole lines of an inflated member start. */
    static final class Lines {
        private Lines() {
        }

        /** Start offsets of the whole lines in {@code text}, plus one past the end of the last whole line. */
        static int[] starts(byte[] text) {
            int n = 0;
            for (byte b : text) {
                if (b == '\n') {
                    n++;
                }
            }
            int[] starts = new int[n + 1];
            int k = 1;
            for (int i = 0; i < text.length && k <= n; i++) {
                if (text[i] == '\n') {
                    starts[k++] = i + 1;
                }
            }
            return starts;
        }
    }
}
