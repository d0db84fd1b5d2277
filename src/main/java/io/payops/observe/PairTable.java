package io.payops.observe;

import java.util.Arrays;

/**
 * Segments of a two-dimension path indexed by the two value ids; rows and columns grow on demand, up to
 * {@link SegmentIndex#MAX_PATHS_PER_KIND} segments, past which the caller folds new paths into one.
 */
final class PairTable {
    private SegmentWindow[][] rows = new SegmentWindow[0][];
    private int size;
    /** The one segment of every path past the bound, once there is one. */
    SegmentWindow folded;

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
        if (r[column] == null) {
            size++;
        }
        r[column] = segment;
        rows[row] = r;
    }

    /** Paths with a segment of their own. */
    int size() {
        return size;
    }
}
