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
