package io.payops.ui.dashboard;

import java.util.ArrayDeque;

/**
 * The smallest (or largest) y of a series whose points join at the right and leave at the left, in amortised
 * constant time per point (a monotonic deque), so an axis range can follow 900 points ten times a second without
 * scanning them.
 */
final class SlidingExtreme {
    private record Point(double x, double y) {
    }

    private final boolean max;
    private final ArrayDeque<Point> candidates = new ArrayDeque<>();

    private SlidingExtreme(boolean max) {
        this.max = max;
    }

    static SlidingExtreme min() {
        return new SlidingExtreme(false);
    }

    static SlidingExtreme max() {
        return new SlidingExtreme(true);
    }

    void add(double x, double y) {
        // a point that can never again be the extreme (an older one not better than the new) is dropped
        while (!candidates.isEmpty() && (max ? candidates.peekLast().y() <= y : candidates.peekLast().y() >= y)) {
            candidates.pollLast();
        }
        candidates.addLast(new Point(x, y));
    }

    /** Forgets the points left of {@code x}. */
    void dropBefore(double x) {
        while (!candidates.isEmpty() && candidates.peekFirst().x() < x) {
            candidates.pollFirst();
        }
    }

    boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The extreme y, or {@code empty} when there are no points. */
    double get(double empty) {
        return candidates.isEmpty() ? empty : candidates.peekFirst().y();
    }

    void clear() {
        candidates.clear();
    }
}
