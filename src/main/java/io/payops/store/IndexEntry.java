package io.payops.store;

/**
 * Where one recorded frame lives: its tick and simulated time, the byte offset of the gzip member that holds it in
 * {@code frames.jsonl.gz}, its line within that member, and its {@link FrameMark} bits.
 */
public record IndexEntry(long tick, long simMillis, long memberOffset, int line, int marks) {
    public boolean has(FrameMark mark) {
        return (marks & mark.bit()) != 0;
    }

    /** The index file's line: five numbers separated by spaces. */
    public String toLine() {
        return tick + " " + simMillis + " " + memberOffset + " " + line + " " + marks + "\n";
    }

    /**
     * What makes this entry impossible right after {@code prev} (null: the first entry), or null when it may be
     * right. The recorder writes the frames of a member on consecutive lines and starts the next member at line 0
     * further on, ticks always grow and time never goes back: a flipped digit almost always breaks one of these, so
     * a damaged index is noticed without reading the frames (what is not noticed here, a frame checks when it is
     * read: its tick and time against its entry). Marks cannot be checked without the frames.
     */
    String problemAfter(IndexEntry prev) {
        if (tick < 0 || simMillis < 0 || line < 0 || line >= SessionRecorder.FRAMES_PER_MEMBER) {
            return "a negative number or a line past the " + SessionRecorder.FRAMES_PER_MEMBER + " of a block";
        }
        if (marks < 0 || marks >= 1 << FrameMark.values().length) {
            return "marks " + marks + " (expected 0 to " + ((1 << FrameMark.values().length) - 1) + ")";
        }
        if (prev == null) {
            return memberOffset == 0 && line == 0 ? null
                    : "the first frame is at byte " + memberOffset + ", line " + line + " (expected byte 0, line 0)";
        }
        if (tick <= prev.tick || simMillis < prev.simMillis) {
            return "tick " + tick + " at " + simMillis + " ms after tick " + prev.tick + " at " + prev.simMillis
                    + " ms (expected a later tick, never an earlier time)";
        }
        boolean sameMember = memberOffset == prev.memberOffset && line == prev.line + 1;
        boolean nextMember = memberOffset > prev.memberOffset && line == 0;
        return sameMember || nextMember ? null : "byte " + memberOffset + ", line " + line + " after byte "
                + prev.memberOffset + ", line " + prev.line + " (expected the next line, or line 0 of a later block)";
    }

    /** @return the entry, or null when the line is torn or not five numbers */
    public static IndexEntry parse(String line) {
        String[] p = line.split(" ");
        if (p.length != 5) {
            return null;
        }
        try {
            return new IndexEntry(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                    Integer.parseInt(p[3]), Integer.parseInt(p[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
