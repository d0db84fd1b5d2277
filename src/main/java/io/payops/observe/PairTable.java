package io.payops.observe;

import java.util.Arrays;

/** Segments of a two-dimension path indexed by the two value ids; rows and columns grow on demand. */
final class PairTable {
    private SegmentWindow[][] rows = new SegmentWindow[0][];

    /** The segment, or null when this pair has not been seen. */
    SegmentWindow get(int row, int column) {
        if (row < rows.length) {
            SegmentWindow[] r = rows[row];
            if (r != null && column < r.length) {
                return r[column];
            }
        }
        return null;
    }

    void put(int row, int column, SegmentWindow segment) {
        if (row >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(row + 1, rows.length * 2));
        }
        SegmentWindow[] r = rows[row];
        if (r == null) {
            r = new SegmentWindow[Math.max(8, column + 1)];
        } else if (column >= r.length) {
            r = Arrays.copyOf(r, Math.max(column + 1, r.length * 2));
        }
        r[column] = segment;
        rows[row] = r;
    }
}
